/**
 * Issue #15 item 5: an outage does not flood the log. With Neo4j gone, every
 * request still gets its fast 503, but the log holds one warn line per kind
 * and second at most (no stack, with a request id, counting the lines it
 * dropped), no error-level line at all, and the access lines at info.
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDriver, Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';

/** A loopback port where nothing listens (taken, then released). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

const written: string[] = [];
const config = loadConfig({ NEO4J_MAX_RETRY_MS: '200', NEO4J_CONNECT_TIMEOUT_MS: '500' });
const db = new Database(createDriver(`bolt://127.0.0.1:${await deadPort()}`, 'neo4j', '', 200, 500), {
  database: 'neo4j',
  queryTimeoutMs: 2000,
  maxRetryMs: 200,
  probeIntervalMs: 250,
});
const app = createApp(db, config, { logger: createLogger('info', (line) => written.push(line)) });
afterAll(() => db.close());

type Line = { level: string; msg: string; requestId?: string; err?: { name?: string; stack?: string }; droppedSinceLast?: number };

describe('logs during a database outage', () => {
  it('writes at most one warn line a second, no error lines and no stacks, while every request gets a 503', async () => {
    const seconds = 6;
    const statuses: number[] = [];
    const ids = new Set<string>();
    const started = Date.now();
    const deadline = started + seconds * 1000;
    while (Date.now() < deadline) {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: '{ entity(id: "shinzo-abe") { name } }' }),
      });
      statuses.push(response.status);
      ids.add(response.headers.get('x-request-id') ?? '');
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The last request may end well after the deadline on a loaded machine: bound by the time really spent.
    const elapsedSeconds = Math.ceil((Date.now() - started) / 1000);
    const lines = written.map((line) => JSON.parse(line) as Line);
    const byLevel = (level: string): Line[] => lines.filter((line) => line.level === level);
    const warnings = byLevel('warn');
    console.info(
      `${seconds} s outage, ${statuses.length} requests: ${byLevel('error').length} error, ${warnings.length} warn, ${byLevel('info').length} info lines (access lines); ` +
        `kinds ${JSON.stringify([...new Set(warnings.map((w) => w.err?.name))])}, ${elapsedSeconds} s elapsed; ` +
        `scaled to 60 s: ${Math.round(((byLevel('error').length + warnings.length) * 60) / seconds)} warn/error lines, ${written.join('').length} bytes in all`,
    );
    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses.slice(5).every((status) => status === 503)).toBe(true);
    expect(byLevel('error')).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
    // One line per kind (the driver error's name) and second at most.
    const perKind = new Map<string, number>();
    for (const warning of warnings) perKind.set(warning.err?.name ?? '', (perKind.get(warning.err?.name ?? '') ?? 0) + 1);
    for (const [kind, count] of perKind) expect(count, `warn lines of kind ${kind}`).toBeLessThanOrEqual(elapsedSeconds + 1);
    for (const warning of warnings) {
      expect(warning.msg).toBe('The graph database is unavailable; try again shortly.');
      expect(ids.has(warning.requestId ?? '')).toBe(true);
      expect(JSON.stringify(warning)).not.toContain('stack');
    }
    expect(warnings.slice(1).some((warning) => (warning.droppedSinceLast ?? 0) > 0)).toBe(true);
    expect(byLevel('info').filter((line) => line.msg === 'request')).toHaveLength(statuses.length);
  }, 60_000);
});
