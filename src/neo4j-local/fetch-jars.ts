import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertMaven, runTool } from './java-tools.js';
import { NEO4J_VERSION } from './neo4j-version.js';

/** Where the launcher's files live: jars in `lib/`, databases in `data*`. Git-ignored. */
export const LOCAL_NEO4J_DIR = '.neo4j';

/**
 * Copies Neo4j Community's jars from Maven Central into `<projectRoot>/.neo4j/lib`,
 * unless they are already there: a second start reuses them and needs no network.
 */
export async function ensureNeo4jJars(projectRoot: string, log: (line: string) => void = () => {}): Promise<string> {
  const lib = join(projectRoot, LOCAL_NEO4J_DIR, 'lib');
  if (existsSync(join(lib, `neo4j-${NEO4J_VERSION}.jar`))) return lib;
  await assertMaven();
  log(`Fetching Neo4j ${NEO4J_VERSION} jars from Maven Central (once)...`);
  await runTool(
    'mvn',
    ['-q', '-B', '-f', join(projectRoot, 'neo4j', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return lib;
}
