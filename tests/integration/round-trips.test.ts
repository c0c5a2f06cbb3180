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

  const AGGREGATES = `query($n: Int!) {
    sources(first: $n) { nodes { ... on Source {
      fileName supportedRelationshipCount
      supportedEntities { aggregate(groupBy: TYPE) { count groups { key count } } }
    } } }
  }`;
  interface SourceAggregates {
    sources: { nodes: { fileName: string; supportedRelationshipCount: number; supportedEntities: { aggregate: Aggregate } }[] };
  }
  interface Aggregate {
    count: number;
    groups: { key: string; count: number }[];
  }

  it('reads every source\'s supportedEntities aggregate in one query, equal to entities(filter: {citedIn}) for each', async () => {
    const read = async (n: number) => {
      const res = await api.gql<SourceAggregates>(AGGREGATES, { n });
      expect(res.errors).toBeUndefined();
      expect(res.data!.sources.nodes).toHaveLength(n);
      return { nodes: res.data!.sources.nodes, trips: res.extensions!.neo4j!.roundTrips };
    };
    const [one, five] = [await read(1), await read(5)];
    // sources + relationship counts + aggregates, whatever the number of sources.
    expect(five.trips).toBe(one.trips);
    expect(five.trips).toBeLessThanOrEqual(3);
    for (const source of five.nodes) {
      expect(source.supportedRelationshipCount).toBeGreaterThan(0);
      const alone = await api.gql<{ entities: { aggregate: Aggregate } }>(
        'query($d: String!) { entities(filter: { citedIn: { document: $d } }) { aggregate(groupBy: TYPE) { count groups { key count } } } }',
        { d: source.fileName },
      );
      expect(alone.errors).toBeUndefined();
      expect(source.supportedEntities.aggregate.count, source.fileName).toBeGreaterThan(0);
      expect(source.supportedEntities.aggregate, source.fileName).toEqual(alone.data!.entities.aggregate);
    }
    // The documents differ, so the batch did not hand one document's figures to every source.
    expect(new Set(five.nodes.map((s) => s.supportedEntities.aggregate.count)).size).toBeGreaterThan(1);
  });
});
