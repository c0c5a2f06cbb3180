import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { generateApiKey, type Scope } from '../../src/auth/api-keys.js';
import { PROJECT_ROOT, SCHEMA_FILE, SEED_DIRECTORY } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { ApiKeyStore } from '../../src/db/api-key-store.js';
import { applySchema } from '../../src/db/apply-schema.js';
import { createDriver, Database } from '../../src/db/database.js';
import { startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.js';
import { seedFromDirectory } from '../../src/seed/seed-from-directory.js';
import type { GraphQLResponse } from './test-app.js';

export interface CurationApi {
  readonly app: App;
  readonly db: Database;
  /** The Bolt URI of its Neo4j (user neo4j, no password), for a server process on the same data. */
  readonly boltUri: string;
  /** POSTs an operation with an optional API key, as a client would. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Creates an API key the way `npm run keys -- create` does and returns its token. */
  key(scope: Scope, name?: string): Promise<string>;
  close(): Promise<void>;
}

function wire(db: Database, boltUri: string, env: Record<string, string>, stop: () => Promise<void>): CurationApi {
  const app = createApp(db, loadConfig({ LOG_LEVEL: 'silent', ...env }));
  const keys = new ApiKeyStore(db);
  return {
    app,
    db,
    boltUri,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the shape of `data`
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    async key(scope, name = `test-${scope}`) {
      const key = generateApiKey();
      await keys.create({ id: key.id, name, scope, hash: key.hash });
      return key.token;
    },
    async close() {
      await db.close();
      await stop();
    },
  };
}

/** The app on the run's shared Neo4j: for tests that write nothing to the graph (refusals, keys). */
export function sharedCurationApi(env: Record<string, string> = {}): CurationApi {
  const neo4j = inject('neo4j');
  return wire(new Database(createDriver(neo4j.uri, neo4j.user, neo4j.password), { database: 'neo4j', queryTimeoutMs: 10_000 }), neo4j.uri, env, async () => {});
}

/**
 * The app on a Neo4j of its own, with the schema and the seed loaded: curation
 * tests change the graph, and other test files count the seed graph's nodes.
 */
export async function isolatedCurationApi(name: string, env: Record<string, string> = {}): Promise<CurationApi> {
  const dataDirName = `test-${name}-${process.pid}`;
  const neo4j = await startLocalNeo4j({ projectRoot: PROJECT_ROOT, dataDirName, boltPort: 0 });
  const db = new Database(createDriver(neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 30_000 });
  await applySchema(db, SCHEMA_FILE);
  await seedFromDirectory(db, SEED_DIRECTORY);
  return wire(db, neo4j.uri, env, async () => {
    await neo4j.stop();
    await rm(join(PROJECT_ROOT, '.neo4j', dataDirName), { recursive: true, force: true });
  });
}
