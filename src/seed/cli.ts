/**
 * `npm run seed`: validates the seed and loads it (idempotent), reporting
 * counts per label and relationship type. Uses NEO4J_URI, or the local Neo4j.
 */
import { connect, SEED_DIRECTORY } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { SeedValidationError, seedFromDirectory } from './seed-from-directory.js';

const config = loadConfig();
const runtime = await connect(config, console.log);
try {
  const report = await seedFromDirectory(runtime.db, SEED_DIRECTORY, (line) => {
    process.stdout.write(`\r${line.padEnd(60)}`);
  });
  process.stdout.write('\n');
  console.table({ ...report.nodesByLabel });
  console.table({ ...report.relationshipsByType });
} catch (error) {
  console.error(error instanceof SeedValidationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await runtime.close();
}
