import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Raised when Java or Maven is missing; its message tells the user what to do. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

const ADVICE =
  'Install a JDK 17 or 21 and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), ' +
  'set NEO4J_URI to an existing Neo4j, or run the whole stack with `docker compose up --build`.';

/** The `java` to run: `$JAVA_HOME/bin/java` when set, else the one on PATH. */
export function javaCommand(): string {
  const home = process.env['JAVA_HOME'];
  return home ? join(home, 'bin', 'java') : 'java';
}

/** Checks that Java 17+ is installed (Neo4j 5.26 runs on 17 and 21) and returns its major version. */
export async function assertJava(): Promise<number> {
  let output: string;
  try {
    const { stderr, stdout } = await run(javaCommand(), ['-version']);
    output = `${stderr}${stdout}`;
  } catch {
    throw new MissingToolError(`Java was not found. ${ADVICE}`);
  }
  const major = Number(/version "(\d+)/.exec(output)?.[1] ?? 0);
  if (major < 17) throw new MissingToolError(`Java ${major} is too old for Neo4j 5.26 (needs 17 or 21). ${ADVICE}`);
  return major;
}

/** Checks that Maven is installed; it fetches Neo4j's jars from Maven Central once. */
export async function assertMaven(): Promise<void> {
  try {
    await run('mvn', ['-v']);
  } catch {
    throw new MissingToolError(`Maven (mvn) was not found; it is needed once to fetch Neo4j's jars. ${ADVICE}`);
  }
}

export { run as runTool };
