/** `npm run neo4j:fetch`: downloads Neo4j's jars ahead of the first start (CI does this). */
import { ensureNeo4jJars } from './fetch-jars.js';
import { assertJava } from './java-tools.js';

await assertJava();
const lib = await ensureNeo4jJars(process.cwd(), (line) => {
  console.log(line);
});
console.log(`Neo4j jars ready in ${lib}`);
