/**
 * Issue #15 items 3 and 4: odd input gets a 4xx, never a 500. A malformed URL,
 * header or body gets a JSON error with the request id, an access line and a
 * metric; `mutation`/`subscription` (this API is read-only) get a conformant
 * request error with code OPERATION_NOT_SUPPORTED and no error-level log line.
 * Production mode, as deployed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logger.js';
import { createTestApp } from '../support/test-app.js';

const base = createTestApp();
afterAll(() => base.close());
const written: string[] = [];
const metrics = createMetrics();
const app = createApp(base.db, loadConfig({ NODE_ENV: 'production' }), { metrics, logger: createLogger('info', (line) => written.push(line)) });

type Line = { level: string; msg: string; requestId?: string; status?: number; path?: string };
const logLines = (): Line[] => written.map((line) => JSON.parse(line) as Line);

async function sample(name: string): Promise<number> {
  const scrape = await metrics.registry.metrics();
  const escaped = name.replace(/[{}"=,]/g, (c) => `\\${c}`);
  return Number(new RegExp(`^${escaped} (\\d+)`, 'm').exec(scrape)?.[1] ?? 0);
}

describe('malformed URLs, headers and bodies', () => {
  it.each(['/export/%E0%A4%A', '/export/graphml%', '/explore/%E0%A4%A', '/graphql/%ZZ', '/%C0'])('GET %s: 400 JSON error with the request id, logged and counted', async (path) => {
    const route = path.startsWith('/export') ? '/export' : path.startsWith('/explore') ? '/explore' : path.startsWith('/graphql') ? '/graphql' : 'other';
    const before = await sample(`http_requests_total{method="GET",route="${route}",status="400"}`);
    const response = await app.fetch(`http://localhost${path}`);
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
    const requestId = response.headers.get('x-request-id');
    expect(body.error).toEqual({ code: 'BAD_REQUEST', message: expect.stringContaining('malformed %-escape') as unknown, requestId });
    expect(text).not.toMatch(/\bat |\/work\/|node_modules|URIError/);
    expect(await sample(`http_requests_total{method="GET",route="${route}",status="400"}`)).toBe(before + 1);
    expect(logLines().filter((line) => line.requestId === requestId).map((line) => [line.level, line.msg, line.status])).toContainEqual(['info', 'request', 400]);
  });

  it('answers malformed bodies and headers with a 4xx and a JSON error, never a 500', async () => {
    const cases: { headers: Record<string, string>; body: string; status: number }[] = [
      { headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"', status: 400 },
      { headers: { 'content-type': 'application/json' }, body: '{"query": 42}', status: 400 },
      { headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }", "variables": "x"}', status: 400 },
      { headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }", "extensions": 5}', status: 400 },
      { headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }", "operationName": {}}', status: 400 },
      { headers: { 'content-type': 'application/json' }, body: '\u0000\u0001', status: 400 },
      { headers: { 'content-type': 'no/such; =;' }, body: '{"query": "{ __typename }"}', status: 415 },
      { headers: { 'content-type': 'application/json', accept: 'image/png' }, body: '{"query": "{ __typename }"}', status: 406 },
    ];
    for (const { headers, body, status } of cases) {
      const response = await app.fetch('http://localhost/graphql', { method: 'POST', headers, body });
      const text = await response.text();
      expect({ body, headers, status: response.status }).toEqual({ body, headers, status });
      expect(response.headers.get('x-request-id')).toBeTruthy();
      expect(text).not.toMatch(/\bat |\/work\/|node_modules/);
      if (text !== '') expect(() => JSON.parse(text) as unknown).not.toThrow();
    }
    expect(logLines().filter((line) => line.level === 'error')).toEqual([]);
  });
});

describe('operation types this API does not have', () => {
  // Mutations exist (curation, with a key: tests/integration/curation-auth.test.ts); subscriptions do not.
  it.each([['subscription { entity(id: "shinzo-abe") { name } }', 'subscriptions']])('%s: a request error with code OPERATION_NOT_SUPPORTED, no error-level log', async (query, kind) => {
    const errorsBefore = logLines().filter((line) => line.level === 'error').length;
    for (const [accept, status] of [['application/graphql-response+json', 400], ['application/json', 200]] as const) {
      const response = await app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(response.status).toBe(status);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({ message: `This API does not support ${kind}: it answers queries and mutations only.`, extensions: { code: 'OPERATION_NOT_SUPPORTED' } }),
      ]);
    }
    expect(logLines().filter((line) => line.level === 'error')).toHaveLength(errorsBefore);
    expect(await sample('graphql_errors_total{code="OPERATION_NOT_SUPPORTED"}')).toBeGreaterThan(0);
  });

  it('still refuses a mutation over GET with 405', async () => {
    const response = await app.fetch(`http://localhost/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(405);
  });
});
