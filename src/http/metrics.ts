import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database, RoundTripObserver } from '../db/database.js';

/** Prometheus metrics of one app, in their own registry (tests build many apps per process). */
export interface Metrics {
  readonly registry: Registry;
  /** Pass as DatabaseOptions.observe: counts and times every Neo4j round trip. */
  readonly observeRoundTrip: RoundTripObserver;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpInFlight: Gauge;
  readonly graphqlErrors: Counter<'code'>;
  readonly neo4jRoundTrips: Counter<'operation' | 'outcome'>;
  readonly neo4jDuration: Histogram<'operation'>;
  /** Exits of the local Neo4j's JVM that nobody asked for (the supervisor restarts it). */
  readonly neo4jUnexpectedExits: Counter;
  /** The supervisor's restarts of the local Neo4j, by outcome (ok, failed). */
  readonly neo4jRestarts: Counter<'outcome'>;
}

/** Routes get their own label value; anything else is "other", so labels stay few whatever clients send. */
const ROUTES = new Set(['graphql', 'healthz', 'readyz', 'metrics', 'health', 'export', 'explore', 'playground']);
const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS']);
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/** Creates the registry and its metrics; `defaultMetrics` adds Node's own (memory, CPU, event loop lag, GC). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const neo4jRoundTrips = new Counter({
    name: 'neo4j_round_trips_total',
    help: 'Neo4j round trips (one Cypher query each), by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const neo4jDuration = new Histogram({
    name: 'neo4j_round_trip_duration_seconds',
    help: 'Time of Neo4j round trips, including the driver\'s retries, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const neo4jUnexpectedExits = new Counter({
    name: 'neo4j_unexpected_exits_total',
    help: 'Times the local Neo4j JVM exited without being asked to (0 with an external NEO4J_URI).',
    registers,
  });
  const neo4jRestarts = new Counter({
    name: 'neo4j_restarts_total',
    help: 'Restarts of the local Neo4j by its supervisor, by outcome (ok: it answers again; failed: it did not start).',
    labelNames: ['outcome'] as const,
    registers,
  });
  return {
    registry,
    neo4jUnexpectedExits,
    neo4jRestarts,
    observeRoundTrip: (operation, durationMs, failed) => {
      neo4jRoundTrips.inc({ operation, outcome: failed ? 'error' : 'ok' });
      neo4jDuration.observe({ operation }, durationMs / 1000);
    },
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to having its response, by method, route and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpInFlight: new Gauge({ name: 'http_requests_in_flight', help: 'Requests being handled now.', registers }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code (GRAPHQL_PARSE_FAILED, QUERY_TOO_COSTLY, DATABASE_UNAVAILABLE ...).',
      labelNames: ['code'] as const,
      registers,
    }),
    neo4jRoundTrips,
    neo4jDuration,
  };
}

/**
 * Serves GET /metrics (Prometheus text format) and records every request's
 * count, latency and status, and every GraphQL error's code. Register it right
 * after the request log, before plugins that answer early (/healthz, /readyz).
 */
export function metricsRoutes(metrics: Metrics, db: Database): Plugin {
  const started = new WeakMap<Request, number>();
  metrics.registry.removeSingleMetric('neo4j_available'); // the app may be rebuilt on the same metrics
  new Gauge({
    name: 'neo4j_available',
    help: '1 while Neo4j answers, 0 while it is known to be unreachable (requests fail fast).',
    registers: [metrics.registry],
    collect() {
      this.set(db.available ? 1 : 0);
    },
  });
  return {
    async onRequest(payload) {
      const { request, url } = payload;
      started.set(request, performance.now());
      metrics.httpInFlight.inc();
      if (url.pathname === '/metrics' && request.method === 'GET') {
        payload.endResponse(new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } }));
      }
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      if (start !== undefined) metrics.httpInFlight.dec();
      const labels = {
        method: METHODS.has(request.method) ? request.method : 'other',
        route: routeOf(request.url),
        status: String(response.status),
      };
      metrics.httpRequests.inc(labels);
      if (start !== undefined) metrics.httpDuration.observe(labels, (performance.now() - start) / 1000);
    },
    onResultProcess({ result }) {
      const results: unknown[] = Array.isArray(result) ? result : [result];
      for (const one of results) {
        if (one === null || typeof one !== 'object' || Symbol.asyncIterator in one) continue;
        for (const error of (one as ExecutionResult).errors ?? []) {
          const code = error.extensions['code'];
          metrics.graphqlErrors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN' });
        }
      }
    },
  };
}

function routeOf(url: string): string {
  const segment = new URL(url, 'http://localhost').pathname.split('/')[1] ?? '';
  return ROUTES.has(segment) ? `/${segment}` : 'other';
}
