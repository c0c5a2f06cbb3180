/**
 * Process entry: config → Neo4j (local if NEO4J_URI is unset) → schema →
 * seed if empty → HTTP. SIGTERM/SIGINT drain requests, close the driver and
 * stop the local Neo4j.
 */
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { connect, seedIfEmpty } from './bootstrap.js';
import { explainedMessage } from './cli/run-cli.js';
import { loadConfig } from './config.js';
import { createMetrics } from './http/metrics.js';
import { createLogger } from './logger.js';
import { assertApiPortFree, PortBusyError } from './ports.js';
import { Neo4jSupervisor } from './neo4j-local/supervisor.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const log = (line: string): void => {
    logger.info(line);
  };
  const metrics = createMetrics({ defaultMetrics: true });
  // A busy port is found now, not after Neo4j has started and the seed has loaded.
  await assertApiPortFree(config.host, config.port);
  const runtime = await connect(config, log, metrics.observeRoundTrip);
  if (config.seedOnStart) await seedIfEmpty(runtime.db, log);
  else log('SEED_ON_START=false: the seed was not checked or loaded.');

  // The local Neo4j (NEO4J_URI unset) is restarted if its JVM dies; see docs/OPERATIONS.md.
  const supervisor = runtime.localNeo4j ? new Neo4jSupervisor(runtime.localNeo4j, logger, {
        maxRestarts: config.localMaxRestarts,
        onExit: () => { metrics.neo4jUnexpectedExits.inc(); },
        onRestart: (outcome) => { metrics.neo4jRestarts.inc({ outcome }); },
      }) : undefined;
  const app = createApp(runtime.db, config, { metrics, logger, ...(supervisor ? { liveness: () => supervisor.liveness() } : {}) });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga's documented Node request listener
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      // Taken between the check above and now: close Neo4j, then say so in a sentence.
      void runtime.close().finally(() => {
        reject(error.code === 'EADDRINUSE' ? new PortBusyError(`Port ${config.port} on ${config.host} is already in use: stop that process or set PORT to a free port.`) : error);
      });
    });
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
        () => {
          log('Stopped.');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error('Stopped, but closing Neo4j failed:', error);
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
    setTimeout(() => { server.closeAllConnections(); }, 10_000).unref();
  };
  process.on('SIGTERM', () => { shutdown('SIGTERM'); });
  process.on('SIGINT', () => { shutdown('SIGINT'); });
}

main().catch((error: unknown) => {
  console.error(explainedMessage(error) ?? `Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  if (explainedMessage(error) === undefined && process.env['DEBUG'] && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
