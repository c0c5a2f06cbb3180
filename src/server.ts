/**
 * Process entry: config → Neo4j (local if NEO4J_URI is unset) → schema →
 * seed if empty → HTTP. SIGTERM/SIGINT drain requests, close the driver and
 * stop the local Neo4j.
 */
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { connect, seedIfEmpty } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { createMetrics } from './http/metrics.js';
import { createLogger } from './logger.js';
import { MissingToolError } from './neo4j-local/java-tools.js';
import { Neo4jSupervisor } from './neo4j-local/supervisor.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const log = (line: string): void => {
    logger.info(line);
  };
  const metrics = createMetrics({ defaultMetrics: true });
  const runtime = await connect(config, log, metrics.observeRoundTrip);
  if (config.seedOnStart) await seedIfEmpty(runtime.db, log);

  // The local Neo4j (NEO4J_URI unset) is restarted if its JVM dies; see docs/OPERATIONS.md.
  const supervisor = runtime.localNeo4j ? new Neo4jSupervisor(runtime.localNeo4j, logger, { maxRestarts: config.localMaxRestarts }) : undefined;
  const app = createApp(runtime.db, config, { metrics, logger, ...(supervisor ? { liveness: () => supervisor.liveness() } : {}) });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga's documented Node request listener
  const server = createServer(app);
  await new Promise<void>((resolve) => {
    server.listen(config.port, config.host, () => {
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`GraphQL API and GraphiQL at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`);
  log(`Graph explorer at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/explore`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests and shutting down...`);
    supervisor?.stop();
    server.close(() => {
      runtime.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
    setTimeout(() => { server.closeAllConnections(); }, 10_000).unref();
  };
  process.on('SIGTERM', () => { shutdown('SIGTERM'); });
  process.on('SIGINT', () => { shutdown('SIGINT'); });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MissingToolError) console.error(error.message);
  else console.error('Failed to start:', error);
  process.exit(1);
});
