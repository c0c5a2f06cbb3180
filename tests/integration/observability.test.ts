import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDriver, Database } from '../../src/db/database.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logger.js';
import { findFreePort } from '../../src/neo4j-local/local-neo4j.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

const post = (app: typeof api.app, query: string, headers: Record<string, string> = {}): Promise<Response> =>
  Promise.resolve(
    app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query }),
    }),
  );

/** The value of one sample line (`name{labels} value`) in a Prometheus text scrape. */
function sample(scrape: string, series: string): number | undefined {
  const line = scrape.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics, request ids and logs', () => {
  it('exposes request, latency, error and Neo4j round-trip metrics at /metrics in Prometheus format', async () => {
    expect((await post(api.app, '{ entity(id: "shinzo-abe") { name relationships(first: 2) { totalCount } } }')).status).toBe(200);
    expect((await post(api.app, '{ entity(id: "vladimir-putin") { name } }')).status).toBe(200);
    expect((await post(api.app, '{ entity(id: "japan") { nme } }')).status).toBe(400);
    const response = await api.app.fetch('http://localhost/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const scrape = await response.text();

    expect(scrape).toContain('# TYPE http_requests_total counter');
    expect(sample(scrape, 'http_requests_total{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(sample(scrape, 'http_requests_total{method="POST",route="/graphql",status="400"}')).toBeGreaterThanOrEqual(1);
    expect(scrape).toContain('# TYPE http_request_duration_seconds histogram');
    expect(sample(scrape, 'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(scrape).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/graphql",status="200"\} \d+$/m);
    expect(sample(scrape, 'graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBeGreaterThanOrEqual(1);

    expect(scrape).toContain('# TYPE neo4j_round_trips_total counter');
    expect(sample(scrape, 'neo4j_round_trips_total{operation="entities-by-key",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    // An entity with relationship pages beneath it is read by the planner in one query (src/planner/).
    expect(sample(scrape, 'neo4j_round_trips_total{operation="entity-planned",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(scrape, 'neo4j_round_trip_duration_seconds_count{operation="entities-by-key"}')).toBeGreaterThanOrEqual(1);
    expect(sample(scrape, 'neo4j_round_trip_duration_seconds_sum{operation="entities-by-key"}')).toBeGreaterThan(0);
    expect(sample(scrape, 'neo4j_available')).toBe(1);
    expect(sample(scrape, 'http_requests_in_flight')).toBeGreaterThanOrEqual(1); // the scrape itself
  });

  it('gives every response an x-request-id: the caller\'s if it is plain, a fresh UUID otherwise', async () => {
    const fresh = await post(api.app, '{ __typename }');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await post(api.app, '{ __typename }', { 'x-request-id': 'trace-42.a_b:c' });
    expect(given.headers.get('x-request-id')).toBe('trace-42.a_b:c');
    const hostile = await post(api.app, '{ __typename }', { 'x-request-id': '"><script>alert(1)</script>' });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.app.fetch('http://localhost/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs structured JSON lines with the request id, and the real cause of errors clients see masked', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    // A Neo4j that is not there, with no retries: the request fails at once.
    const db = new Database(createDriver(`bolt://127.0.0.1:${await findFreePort()}`, 'neo4j', '', 0, 1000), { database: 'neo4j', queryTimeoutMs: 1000 });
    const app = createApp(db, loadConfig({ NODE_ENV: 'production' }), { logger, metrics: createMetrics() });
    try {
      const response = await post(app, '{ entity(id: "japan") { name } }', { 'x-request-id': 'req-fault-1' });
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ errors: [{ message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
      expect(text).not.toMatch(/Failed to connect|ServiceUnavailable|bolt:|stack/);

      const access = lines.find((l) => l['msg'] === 'request' && l['requestId'] === 'req-fault-1');
      expect(access).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 503 });
      expect(typeof access?.['time']).toBe('string');
      expect(typeof access?.['durationMs']).toBe('number');
      const cause = lines.find((l) => l['level'] === 'warn' && l['requestId'] === 'req-fault-1');
      expect(cause).toMatchObject({ msg: 'The graph database is unavailable; try again shortly.', path: 'entity', err: { name: 'DatabaseUnavailableError', cause: { code: 'ServiceUnavailable' } } });
    } finally {
      await db.close();
    }
  });
});
