/**
 * `npm run keys -- create <name> <reader|curator|admin>` prints a new API key once (only its
 * hash is stored); `npm run keys -- revoke <id>` revokes one; `npm run keys -- list` lists them.
 * Uses NEO4J_URI, or the local Neo4j.
 */
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { ApiKeyStore } from '../db/api-key-store.js';
import { runKeysCommand } from './keys-command.js';

const config = loadConfig();
const runtime = await connect(config, (line) => {
  console.error(line);
});
try {
  process.exitCode = await runKeysCommand(process.argv.slice(2), new ApiKeyStore(runtime.db), (line) => {
    console.log(line);
  });
} finally {
  await runtime.close();
}
