import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { PROJECT_ROOT, SCHEMA_FILE, SEED_DIRECTORY } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { applySchema } from '../../src/db/apply-schema.js';
import { createDriver, Database } from '../../src/db/database.js';
import { createMetrics } from '../../src/http/metrics.js';
import { findFreePort, startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/local-neo4j.js';
import { lineCountsOf, readDocumentManifest } from '../../src/seed/documents.js';
import { loadSeed } from '../../src/seed/load-seed.js';
import { readSeedFiles } from '../../src/seed/read-seed-files.js';
import type { SeedGraph } from '../../src/seed/seed-graph.js';
import { seedFromDirectory } from '../../src/seed/seed-from-directory.js';
import { validateSeed } from '../../src/seed/validate-seed.js';

// This file runs its own Neo4j, which it stops and restarts under a running app.
const dataDirName = `test-faults-${process.pid}`;
const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
const metrics = createMetrics();
let neo4j: LocalNeo4j;
let db: Database;
let app: App;

interface Answer {
  readonly status: number;
  readonly startedAt: number;
  readonly ms: number;
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
}

async function ask(): Promise<Answer> {
  const started = performance.now();
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ entity(id: "japan") { name relationships(first: 3) { totalCount } } }' }),
  });
  const body = (await response.json()) as { data?: { entity: { name: string } | null }; errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  return {
    status: response.status,
    startedAt: started,
    ms: performance.now() - started,
    ...(body.data?.entity ? { name: body.data.entity.name } : {}),
    ...(error ? { message: error.message, ...(error.extensions?.code ? { code: error.extensions.code } : {}) } : {}),
  };
}

async function readyz(): Promise<{ status: number; reason?: string }> {
  const response = await app.fetch('http://localhost/readyz');
  const body = (await response.json()) as { reason?: string };
  return { status: response.status, ...(body.reason ? { reason: body.reason } : {}) };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

let running = true;

/** Starts Neo4j again if a test stopped it (the next tests need it). */
async function restart(): Promise<void> {
  if (running) return;
  await neo4j.start();
  running = true;
}

async function counts(): Promise<{ nodes: number; rels: number }> {
  const [row] = await db.read('test-counts', 'MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels');
  return { nodes: Number(row!['nodes']), rels: Number(row!['rels']) };
}

async function seedGraph(): Promise<SeedGraph> {
  const manifest = await readDocumentManifest(SEED_DIRECTORY);
  const { graph, problems } = validateSeed(await readSeedFiles(SEED_DIRECTORY), lineCountsOf(manifest));
  expect(problems).toEqual([]);
  return graph;
}

/** The seed with every name changed and one entity more: any partial write would show. */
function changedGraph(graph: SeedGraph): SeedGraph {
  const [first] = graph.entities;
  return {
    entities: [
      ...graph.entities.map((e) => ({ ...e, name: `${e.name} (interrupted)` })),
      { ...first!, id: 'entity-from-an-interrupted-load', name: 'Must not land' },
    ],
    relationships: graph.relationships,
  };
}

beforeAll(async () => {
  const port = await findFreePort();
  neo4j = await startLocalNeo4j({ projectRoot: PROJECT_ROOT, dataDirName, boltPort: port });
  db = new Database(createDriver(neo4j.uri, 'neo4j', '', config.neo4jMaxRetryMs, config.neo4jConnectTimeoutMs), {
    database: 'neo4j',
    queryTimeoutMs: config.limits.queryTimeoutMs,
    maxRetryMs: config.neo4jMaxRetryMs,
    probeIntervalMs: 500,
    observe: metrics.observeRoundTrip,
  });
  await applySchema(db, SCHEMA_FILE);
  await seedFromDirectory(db, SEED_DIRECTORY);
  app = createApp(db, config, { metrics });
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  await rm(join(PROJECT_ROOT, '.neo4j', dataDirName), { recursive: true, force: true });
});

describe('database faults', () => {
  it('fails fast and clearly while Neo4j is down, turns /readyz 503, and recovers by itself', async () => {
    expect(await ask()).toMatchObject({ status: 200, name: 'Japan' });
    expect((await readyz()).status).toBe(200);

    // Requests keep coming while Neo4j stops under the app.
    const answers: Answer[] = [];
    let stopped = false;
    const traffic = (async () => {
      while (!stopped) {
        answers.push(...(await Promise.all([ask(), ask(), ask()])));
        // Failing fast is all microtasks in-process: give timers (and the stop) their turn.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    running = false;
    await neo4j.stop(); // graceful: Neo4j refuses transactions first, then closes Bolt
    const stoppedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    stopped = true;
    await traffic;

    const afterStop = answers.filter((a) => a.startedAt >= stoppedAt);
    expect(afterStop.length).toBeGreaterThan(0);
    for (const answer of answers) {
      // Requests caught in flight wait at most for the breaker to open (a probe plus one retry back-off).
      expect(answer.ms).toBeLessThan(20_000);
      if (answer.status === 200) expect(answer.name).toBe('Japan');
      else expect(answer).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', message: 'The graph database is unavailable; try again shortly.' });
    }
    for (const answer of afterStop) {
      expect(answer).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(answer.ms).toBeLessThan(6000);
    }

    // Once the outage is known, requests and probes fail at once.
    const down = await ask();
    expect(down).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(down.ms).toBeLessThan(1000);
    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(ready.reason).toMatch(/Neo4j unreachable/);
    const scrape = await (await app.fetch('http://localhost/metrics')).text();
    expect(scrape).toMatch(/^neo4j_available 0$/m);
    expect(scrape).toMatch(/^graphql_errors_total\{code="DATABASE_UNAVAILABLE"\} [1-9]/m);

    // Neo4j comes back: the same app instance answers again, without a restart.
    await restart();
    expect(await waitFor(async () => (await readyz()).status === 200, 30_000)).toBe(true);
    expect(await ask()).toMatchObject({ status: 200, name: 'Japan' });
    expect(await (await app.fetch('http://localhost/metrics')).text()).toMatch(/^neo4j_available 1$/m);
  }, 180_000);

  it('rolls an interrupted seed load back: the previous state stays', async () => {
    await restart();
    expect(await waitFor(async () => (await readyz()).status === 200, 30_000)).toBe(true);
    const before = await counts();
    const graph = changedGraph(await seedGraph());
    const error = await loadSeed(db, graph, (line) => {
      if (line.startsWith('relationships:')) throw new Error('interrupted after every node was written');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/interrupted/);
    expect(await counts()).toEqual(before);
    expect(await db.read('test-probe', `MATCH (n:Entity) WHERE n.name ENDS WITH '(interrupted)' OR n.id = 'entity-from-an-interrupted-load' RETURN n.id`)).toEqual([]);
  }, 120_000);

  it('rolls a seed load back when Neo4j refuses a write midway', async () => {
    const before = await counts();
    const graph = changedGraph(await seedGraph());
    const [last] = graph.relationships.slice(-1);
    // A map is not a valid property value: Neo4j fails the batch holding it, after the nodes are written.
    const broken: SeedGraph = { ...graph, relationships: [...graph.relationships, { ...last!, id: `${last!.id}-broken`, properties: { nested: { a: 1 } } as never }] };
    await expect(loadSeed(db, broken)).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await db.read('test-probe', `MATCH (n:Entity) WHERE n.name ENDS WITH '(interrupted)' RETURN n.id`)).toEqual([]);
    expect(await ask()).toMatchObject({ status: 200, name: 'Japan' });
  }, 120_000);
});
