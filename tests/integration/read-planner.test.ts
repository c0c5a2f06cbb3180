import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

// The benchmark's entity-2-levels shape (bench/suite/src/workloads/workloads.ts), aliases and a fragment added.
const ENTITY_FIELDS = `
  key name citations { reference }
  ... on Event {
    who: participants(first: 20) {
      totalCount
      edges {
        node { id role citations { reference } }
        other { ...Other }
      }
    }
  }`;
const OTHER = `fragment Other on Entity {
  key name citations { reference }
  relationships(types: [PARTICIPATES_IN], direction: OUTGOING, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id role citations { reference } } other { key name } }
  }
}`;

const EVENT = 'putin-visit-japan-2016-12';

describe('read planner: one query per root field', () => {
  it('reads an event, its participants and their events in one round trip, answering as the unplanned path does', async () => {
    const planned = await api.gql<{ entity: Record<string, unknown> }>(`query($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} } } ${OTHER}`, { id: EVENT });
    expect(planned.errors).toBeUndefined();
    expect(planned.extensions!.neo4j!.roundTrips).toBe(1);
    // `node(id)` is not planned: its fields load level by level through the loaders.
    const unplanned = await api.gql<{ node: Record<string, unknown> }>(`query($id: ID!) { node(id: $id) { ... on Entity { ${ENTITY_FIELDS} } } } ${OTHER}`, { id: EVENT });
    expect(unplanned.errors).toBeUndefined();
    expect(unplanned.extensions!.neo4j!.roundTrips).toBeGreaterThan(1);
    expect(planned.data!.entity).toEqual(unplanned.data!.node);
    const who = planned.data!.entity['who'] as { totalCount: number; edges: unknown[] };
    expect(who.totalCount).toBeGreaterThan(1);
    expect(who.edges.length).toBe(Math.min(20, who.totalCount));
  });

  it('pages people and ten events each in one round trip (list-50), equal to the unplanned answers', async () => {
    const LIST = `query($after: String) {
      people(first: 50, after: $after) {
        edges { node { key name citations { reference } ... on Person { events(first: 10) { totalCount edges { node { id role citations { reference } } other { key name } } } } } }
      }
    }`;
    const first = await api.gql<{ people: { edges: { node: { key: string; events: unknown } }[] } }>(LIST, {});
    expect(first.errors).toBeUndefined();
    expect(first.extensions!.neo4j!.roundTrips).toBe(1);
    const people = first.data!.people.edges.map((e) => e.node);
    expect(people.length).toBeGreaterThan(5);
    const ids = people.map((p) => p.key);
    const unplanned = await api.gql<{ nodes: { key: string; events: unknown }[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { key name citations { reference } events(first: 10) { totalCount edges { node { id role citations { reference } } other { key name } } } } } }`,
      { ids },
    );
    expect(unplanned.errors).toBeUndefined();
    expect(people).toEqual(unplanned.data!.nodes);
  });

  it('leaves invalid arguments to the resolvers: the error names the argument', async () => {
    const res = await api.gql(`{ entity(id: "${EVENT}") { relationships(first: -1) { totalCount } } }`);
    expect(res.errors?.[0]?.message).toContain('"first"');
  });
});
