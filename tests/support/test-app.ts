import { inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createDriver, Database } from '../../src/db/database.js';
import { createMetrics, type Metrics } from '../../src/http/metrics.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
  readonly extensions?: { neo4j?: { roundTrips: number; timeMs: number } };
}

export interface TestApp {
  readonly app: App;
  readonly db: Database;
  readonly config: Config;
  /** The app's metrics; the Database reports its round trips into them. */
  readonly metrics: Metrics;
  /** POSTs a GraphQL operation to /graphql, as a client would. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The app wired to the run's Neo4j (see tests/setup), driven in-process through HTTP requests. */
export function createTestApp(env: Record<string, string> = {}): TestApp {
  const neo4j = inject('neo4j');
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const metrics = createMetrics();
  const db = new Database(createDriver(neo4j.uri, neo4j.user, neo4j.password), {
    database: 'neo4j',
    queryTimeoutMs: config.limits.queryTimeoutMs,
    observe: metrics.observeRoundTrip,
  });
  const app = createApp(db, config, { metrics });
  return {
    app,
    db,
    config,
    metrics,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the shape of `data`
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    close: () => db.close(),
  };
}
