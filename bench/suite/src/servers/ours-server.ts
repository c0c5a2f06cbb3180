/**
 * Our API as it ships (createApp from src/app.ts, our Database and driver
 * settings), on its own process so that its memory is measured alone. It
 * imports nothing from the suite's packages: graphql, graphql-yoga and
 * neo4j-driver all resolve from the project's own node_modules.
 * Env: NEO4J_URI (required) and the product's usual settings.
 */
import { createServer } from 'node:http';
import { createApp } from '../../../../src/app.js';
import { loadConfig } from '../../../../src/config.js';
import { createDriver, Database } from '../../../../src/db/database.js';
import { listenAndAnnounce } from './http-json.js';

const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
if (!config.neo4jUri) throw new Error('NEO4J_URI must be set');
const db = new Database(createDriver(config.neo4jUri, config.neo4jUser, config.neo4jPassword, config.neo4jMaxRetryMs), {
  database: config.neo4jDatabase,
  queryTimeoutMs: config.limits.queryTimeoutMs,
  maxRetryMs: config.neo4jMaxRetryMs,
});
const app = createApp(db, config);
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga's documented Node request listener
listenAndAnnounce(createServer(app), () => db.close());
