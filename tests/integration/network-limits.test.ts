/**
 * Issue #12, third pass: a network request too large for the server is refused
 * by name, never as an unexpected error: an ego network past MAX_NETWORK_NODES
 * says which arguments narrow it, and a network whose lists would cost more than
 * MAX_QUERY_COST is refused before any database work.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { download } from '../support/export-download.js';
import { createTestApp } from '../support/test-app.js';

// Japan reaches far more than 30 entities within two steps of the seed graph; one step of Mitsui does not.
const api = createTestApp({ MAX_NETWORK_NODES: '30' });
afterAll(() => api.close());

async function roundTrips(): Promise<number> {
  const scrape = await api.metrics.registry.metrics();
  return [...scrape.matchAll(/^neo4j_round_trips_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('network requests too large for the server', () => {
  it('refuses an ego network past MAX_NETWORK_NODES with NETWORK_TOO_LARGE and says what to narrow', async () => {
    const res = await api.gql<{ network: unknown }>(`{ network(id: "japan", depth: 2) { totalCount nodes { key } } }`);
    expect(res.data?.network ?? null).toBeNull();
    const error = res.errors?.[0];
    expect(error?.extensions?.['code']).toBe('NETWORK_TOO_LARGE');
    expect(error?.extensions?.['limit']).toBe(30);
    expect(error?.message).toBe(
      'The network within 2 steps of "japan" reaches more than 30 entities (MAX_NETWORK_NODES): lower `depth`, or narrow `layers`, `types` or `relationshipTypes`.',
    );
    // A smaller ego network under the same limit still answers.
    const small = await api.gql<{ network: { nodes: { key: string }[] } }>(`{ network(id: "mitsui", depth: 1) { nodes { key } } }`);
    expect(small.errors).toBeUndefined();
    expect(small.data!.network.nodes.map((n) => n.key)).toContain('mitsui');
  });

  it('refuses a projected ego export past MAX_NETWORK_NODES with the same code, as a JSON 400 like other export errors', async () => {
    const res = await download(api.app, '/export/gexf?projection=actors&id=japan&depth=2');
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/json');
    expect(res.disposition).toBeNull();
    expect(JSON.parse(res.text)).toEqual({
      error: {
        code: 'NETWORK_TOO_LARGE',
        parameter: 'depth',
        limit: 30,
        message:
          'The network within 2 steps of "japan" reaches more than 30 entities (MAX_NETWORK_NODES): lower `depth`, or narrow `projection`, `types` or `relationshipTypes`.',
      },
    });
    expect(res.text).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace
    const small = await download(api.app, '/export/gexf?projection=actors&id=mitsui&depth=1');
    expect(small.status).toBe(200);
    expect(small.text).toContain('<node id="mitsui"');
  });

  it('refuses a network whose lists would cost more than MAX_QUERY_COST before any database work', async () => {
    const before = await roundTrips();
    const res = await api.gql(`{ network(maxNodes: 5000) { nodes { key name } ties { kind evidence { entity { key } relationships { id citations { reference } } } } } }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['QUERY_TOO_COSTLY']);
    expect(Number(res.errors?.[0]?.extensions?.['cost'])).toBeGreaterThan(api.config.limits.maxCost);
    expect(await roundTrips()).toBe(before);
    // The same selection for the 200 heaviest actors is within the limit and answers.
    const fine = await api.gql<{ network: { nodes: unknown[] } }>(`{ network(maxNodes: 200) { nodes { key name } ties { kind evidence { entity { key } } } } }`);
    expect(fine.errors).toBeUndefined();
    expect(fine.data!.network.nodes.length).toBeGreaterThan(0);
  });
});
