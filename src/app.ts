import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { authenticate } from './auth/authenticate.js';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { ApiKeyStore } from './db/api-key-store.js';
import type { Database } from './db/database.js';
import { loadDocumentText, type DocumentText } from './documents/document-text.js';
import { compression } from './http/compression.js';
import { csrfPrevention } from './http/csrf-prevention.js';
import { explorerRoute } from './http/explorer-route.js';
import { exportRoutes } from './http/export-routes.js';
import { healthRoutes, type LivenessCheck } from './http/health-routes.js';
import { hideSuggestions } from './http/hide-suggestions.js';
import { guardRoute, malformedRequests } from './http/malformed-requests.js';
import { createMaskError } from './http/mask-error.js';
import { createMetrics, metricsRoutes, type Metrics } from './http/metrics.js';
import { operationTypes } from './http/operation-types.js';
import { PLAYGROUND_EXAMPLES } from './http/playground-examples.js';
import { playgroundRoute } from './http/playground-route.js';
import { requestErrorStatus } from './http/request-error-status.js';
import { requestLimits } from './http/request-limits.js';
import { requestIdOf, requestLog } from './http/request-log.js';
import { truncationReport } from './http/truncation-report.js';
import { resultExtension } from './http/result-extension.js';
import { yogaLogger } from './http/yoga-logger.js';
import { createLogger, type Logger } from './logger.js';
import { schema } from './schema/index.js';

export type App = YogaServerInstance<Record<string, unknown>, Context>;

export interface AppOptions {
  /** Metrics to report into; pass the ones whose observeRoundTrip the Database was built with. */
  readonly metrics?: Metrics;
  /** Structured JSON logger (default: stdout at LOG_LEVEL). */
  readonly logger?: Logger;
  /** The documents' text for quotes (default: read from `config.seedDocumentsDir` now). */
  readonly documents?: DocumentText;
  /** What /healthz reports (default: always live); the server passes the local Neo4j's supervisor. */
  readonly liveness?: LivenessCheck;
}

/**
 * Builds the HTTP app: GraphQL (with local GraphiQL) at /graphql, plus
 * /healthz, /readyz and /metrics. It does not listen: tests drive it with `app.fetch`.
 */
export function createApp(db: Database, config: Config, options: AppOptions = {}): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = options.metrics ?? createMetrics();
  const documents = options.documents ?? loadDocumentText(config.seedDocumentsDir);
  for (const [fileName, why] of documents.absent) {
    logger.warn(`Document ${fileName} is ${why === 'missing' ? 'missing' : 'not the version the seed cites'} in ${config.seedDocumentsDir}: its citations have no quotes.`);
  }
  const keys = new ApiKeyStore(db);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: async ({ request }) =>
      createContext(db, config.limits, documents, {
        actor: await authenticate(request.headers, keys),
        publicReads: config.publicReads,
        requestId: requestIdOf(request),
      }),
    landingPage: false,
    logging: yogaLogger(logger),
    maxRequestBodySize: config.limits.maxRequestBytes,
    // Never credentials (the API has no cookies or logins): any origin by default, or CORS_ORIGINS only.
    cors: { origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : '*', credentials: false, exposedHeaders: ['x-request-id'] },
    // GraphiQL is served by playgroundRoute (a small page + cached, precompressed assets), not inlined by yoga.
    graphiql: false,
    maskedErrors: { maskError: createMaskError(config.production) },
    plugins: [
      requestLog(logger), // first: every request gets its id and access line
      compression(), // gzip/brotli by accept-encoding for every text answer (its onResponse runs after requestLog's)
      metricsRoutes(metrics, db),
      malformedRequests(logger), // a URL no route can read: 400 before any route
      healthRoutes(db, options.liveness),
      guardRoute(exportRoutes(db, config), logger),
      guardRoute(explorerRoute(), logger), // GET /explore: the graph explorer page and its assets
      // GET /graphql from a browser, and GraphiQL's files under /playground/assets/
      guardRoute(playgroundRoute({ title: 'Russia–Japan relations graph', defaultTabs: PLAYGROUND_EXAMPLES.map(({ query }) => ({ query })) }), logger),
      csrfPrevention('/graphql'), // form and text/plain POSTs skip the CORS preflight: 415
      operationTypes(), // mutation/subscription: a request error, not the executor's crash
      requestLimits(config.limits),
      hideSuggestions(config.production),
      requestErrorStatus(),
      roundTripReport(),
      truncationReport(), // extensions.truncated: which plain lists were cut at their cap
      useGraphQlJit(),
    ],
  });
}

/** Reports the request's Neo4j round trips in `extensions.neo4j` (the N+1 tests read it). */
function roundTripReport(): Plugin<Context> {
  return resultExtension('neo4j', (context) => ({ roundTrips: context.roundTrips.count, timeMs: Math.round(context.roundTrips.timeMs) }));
}
