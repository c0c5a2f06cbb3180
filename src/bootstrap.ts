import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { applySchema } from './db/apply-schema.js';
import { createDriver, Database, type RoundTripObserver } from './db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j-local/local-neo4j.js';
import { isGraphEmpty, seedFromDirectory } from './seed/seed-from-directory.js';
import { assertFolder, seedDirectoryFrom } from './seed/seed-folders.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_FILE = new URL('../cypher/schema.cypher', import.meta.url);
export const SEED_DIRECTORY = fileURLToPath(new URL('../seed', import.meta.url));

export interface Runtime {
  readonly db: Database;
  readonly localNeo4j: LocalNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j if we started one. */
  close(): Promise<void>;
}

/**
 * Connects to Neo4j: the server at NEO4J_URI, or a local one started from
 * Maven Central jars when it is unset. Waits until Neo4j answers (it may still
 * be booting under Docker Compose) and applies the Cypher schema.
 */
export async function connect(config: Config, log: (line: string) => void, observe?: RoundTripObserver): Promise<Runtime> {
  const localNeo4j = config.neo4jUri
    ? undefined
    : await startLocalNeo4j({
        projectRoot: PROJECT_ROOT,
        boltPort: config.localBoltPort,
        dataDirName: config.localDataDir,
        startTimeoutMs: config.localStartTimeoutMs,
        log,
      });
  const uri = config.neo4jUri ?? localNeo4j!.uri;
  const db = new Database(createDriver(uri, config.neo4jUser, config.neo4jPassword, config.neo4jMaxRetryMs, config.neo4jConnectTimeoutMs), {
    database: config.neo4jDatabase,
    queryTimeoutMs: config.limits.queryTimeoutMs,
    maxRetryMs: config.neo4jMaxRetryMs,
    probeIntervalMs: config.neo4jProbeIntervalMs,
    ...(observe ? { observe } : {}),
    onAvailabilityChange: (available) => {
      log(available ? `Neo4j at ${uri} answers again.` : `Neo4j at ${uri} is unreachable: failing requests fast until it is back.`);
    },
  });
  const close = async (): Promise<void> => {
    await db.close();
    await localNeo4j?.stop();
  };
  try {
    await waitForNeo4j(db, uri, log);
    await applySchema(db, SCHEMA_FILE);
    return { db, localNeo4j, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Loads the seed graph (from SEED_DIR, default `seed/`) when the database holds no entities yet; says so either way. */
export async function seedIfEmpty(db: Database, log: (line: string) => void, seedDirectory = seedDirectoryFrom()): Promise<void> {
  if (!(await isGraphEmpty(db))) {
    log('Seed skipped: the graph already holds entities (`npm run seed` reloads it; README "Start over" empties it).');
    return;
  }
  await assertFolder(seedDirectory, 'seed', 'SEED_DIR');
  log(`The graph is empty: loading the seed from ${seedDirectory}...`);
  const report = await seedFromDirectory(db, seedDirectory);
  const nodes = Object.values(report.nodesByLabel).reduce((a, b) => a + b, 0);
  const rels = Object.values(report.relationshipsByType).reduce((a, b) => a + b, 0);
  log(`Seed loaded: ${nodes} nodes, ${rels} relationships.`);
}

async function waitForNeo4j(db: Database, uri: string, log: (line: string) => void, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Neo4j at ${uri} did not answer within ${timeoutMs / 1000} s`, { cause: error });
      if (attempt === 1) log(`Waiting for Neo4j at ${uri}...`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
