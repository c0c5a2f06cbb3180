/** `npm run neo4j:fetch`: downloads Neo4j's jars ahead of the first start (CI does this). */
import { parseCliArgs } from '../cli/cli-args.js';
import { runCli } from '../cli/run-cli.js';
import { ensureNeo4jJars } from './fetch-jars.js';
import { assertJava } from './java-tools.js';

const CLI = {
  command: 'npm run neo4j:fetch',
  help: `Downloads Neo4j Community's jars from Maven Central into .neo4j/lib (once; about 120 MB), so that the
first \`npm start\` need not. Needs Java 17 or 21 and Maven.`,
  options: {},
} as const;

await runCli(CLI.command, async () => {
  parseCliArgs(CLI);
  await assertJava();
  const lib = await ensureNeo4jJars(process.cwd(), (line) => {
    console.log(line);
  });
  console.log(`Neo4j jars ready in ${lib}`);
});
