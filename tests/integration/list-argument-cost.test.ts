/**
 * Issue #15 item 1: a list argument multiplies work like a page size does.
 * `nodes(ids: [4,000 ids]) { ... relationships(first: 100) ... }` used to pass
 * the cost limit and answer 52 MB; now it is refused with a 4xx before any
 * Neo4j round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

// A body limit well above the 4,000 ids, so that it is the list's own limits that refuse them.
const api = createTestApp({ NODE_ENV: 'production', MAX_REQUEST_BYTES: '1000000' });
afterAll(() => api.close());

const AMPLIFIER = `query Amplify($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Entity { name relationships(first: 100) { edges { direction other { id name } } } }
  }
}`;

async function roundTrips(): Promise<number> {
  const scrape = await api.metrics.registry.metrics();
  return [...scrape.matchAll(/^neo4j_round_trips_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function post(query: string, variables: Record<string, unknown>): Promise<{ status: number; ms: number; bytes: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const started = performance.now();
  const response = await api.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, bytes: text.length, body: JSON.parse(text) as never };
}

let abe = '';
let putin = '';
beforeAll(async () => {
  const reply = await api.gql<{ a: { id: string }; b: { id: string } }>('{ a: entity(id: "shinzo-abe") { id } b: entity(id: "vladimir-putin") { id } }');
  abe = reply.data!.a.id;
  putin = reply.data!.b.id;
});

describe('the cost limit counts list arguments', () => {
  it('refuses 4,000 ids with a 400 naming the argument and its limit, before any database work', async () => {
    const ids = Array.from({ length: 4000 }, () => abe);
    const before = await roundTrips();
    const reply = await post(AMPLIFIER, { ids });
    const after = await roundTrips();
    console.info(`amplification request (4,000 ids, ${JSON.stringify({ query: AMPLIFIER, variables: { ids } }).length} bytes): HTTP ${reply.status} in ${reply.ms.toFixed(1)} ms, ${reply.bytes} bytes back`);
    expect(reply.status).toBe(400);
    expect(reply.body.data).toBeUndefined();
    const idsError = reply.body.errors?.find((e) => e.extensions?.['argument'] === 'ids');
    expect(idsError?.message).toBe('Argument "ids" lists 4000 ids; the limit is 100 (MAX_PAGE_SIZE).');
    expect(idsError?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(reply.bytes).toBeLessThan(2000);
    expect(after).toBe(before);
  });

  it('prices the ids: 100 ids each asking 100 relationships cost over the limit and are refused', async () => {
    const ids = Array.from({ length: 100 }, () => abe);
    const before = await roundTrips();
    const reply = await post(AMPLIFIER, { ids });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['QUERY_TOO_COSTLY']);
    expect(Number(reply.body.errors?.[0]?.extensions?.['cost'])).toBeGreaterThan(api.config.limits.maxCost);
    expect(await roundTrips()).toBe(before);
  });

  it('still answers a modest nodes() request', async () => {
    const reply = await post(AMPLIFIER, { ids: [abe, putin] });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.status).toBe(200);
    const nodes = (reply.body.data as { nodes: { name: string }[] }).nodes;
    expect(nodes.map((n) => n.name)).toEqual(['Shinzo Abe', 'Vladimir Putin']);
  });

  it('caps id lists inside filters too', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `entity-${i}`);
    const reply = await post('query($ids: [ID!]) { entities(first: 5, filter: { ids: $ids }) { totalCount } }', { ids });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.message).toBe('Argument "filter.ids" lists 101 ids; the limit is 100 (MAX_PAGE_SIZE).');
  });
});
