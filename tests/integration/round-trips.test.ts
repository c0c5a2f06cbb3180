import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

const LIST_WITH_RELATIONSHIPS = `query($n: Int!) {
  entities(first: $n, orderBy: NAME_ASC) {
    nodes {
      key name
      citations { reference source { title } }
      relationships(first: 5) {
        totalCount
        edges { other { name citations { source { title } } } node { type citations { reference source { title } } } }
      }
      relationshipCounts { type total }
    }
  }
}`;

async function roundTrips(n: number): Promise<number> {
  const res = await api.gql<{ entities: { nodes: unknown[] } }>(LIST_WITH_RELATIONSHIPS, { n });
  expect(res.errors).toBeUndefined();
  expect(res.data!.entities.nodes).toHaveLength(n);
  return res.extensions!.neo4j!.roundTrips;
}

describe('database round trips (no N+1)', () => {
  it("costs no more round trips for 50 entities than for 5", async () => {
    const five = await roundTrips(5);
    const fifty = await roundTrips(50);
    // list + relationships + counts + sources: bounded by the query's depth, not its width.
    expect(fifty).toBeLessThanOrEqual(five);
    expect(five).toBeLessThanOrEqual(6);
  });
});

describe('sources and what each supports (no N+1)', () => {
  const SOURCES = `query($n: Int!) {
    sources(first: $n) { nodes { ... on Source { title supportedRelationshipCount supportedEntities { nodes { key } } } } }
  }`;
  const tripsFor = async (n: number): Promise<number> => {
    const res = await api.gql<{ sources: { nodes: unknown[] } }>(SOURCES, { n });
    expect(res.errors).toBeUndefined();
    expect(res.data!.sources.nodes).toHaveLength(n);
    return res.extensions!.neo4j!.roundTrips;
  };

  it('costs the same round trips for one source as for five', async () => {
    const one = await tripsFor(1);
    expect(await tripsFor(5)).toBe(one);
  });
});
