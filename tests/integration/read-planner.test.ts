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

  it('reads few properties for a lean page, and never lets its partial records answer other fields', async () => {
    type Edge = { other: { key: string; description?: string | null } };
    type Page = { participants: { edges: Edge[] } };
    // The same page asked for leanly (names only) and fully (descriptions) in one request: each gets its own answer.
    const both = await api.gql<{ lean: Page; full: Page }>(
      `query($id: ID!) {
        lean: entity(id: $id) { ... on Event { participants(first: 20) { edges { other { key name } } } } }
        full: entity(id: $id) { ... on Event { participants(first: 20) { edges { other { key description } } } } }
      }`,
      { id: EVENT },
    );
    expect(both.errors).toBeUndefined();
    const described = both.data!.full.participants.edges.filter((e) => e.other.description);
    expect(described.length).toBeGreaterThan(0);
    // Then a participant read by key in the same request as a lean page of it: its description is the stored one.
    const key = described[0]!.other.key;
    const mixed = await api.gql<{ lean: Page; one: { description: string | null } }>(
      `query($id: ID!, $key: ID!) {
        lean: entity(id: $id) { ... on Event { participants(first: 20) { edges { other { key name } } } } }
        one: entity(id: $key) { description }
      }`,
      { id: EVENT, key },
    );
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data!.lean.participants.edges.map((e) => e.other.key)).toContain(key);
    expect(mixed.data!.one.description).toBe(described[0]!.other.description);
    // Within one planned query: a lean page first, then a full page whose \`from\` is read through the entity loader.
    const nested = await api.gql<{ entity: Page & { relationships: { edges: { node: { from: { key: string; description: string | null } } }[] } } }>(
      `query($id: ID!) { entity(id: $id) { ... on Event {
        participants(first: 20) { edges { other { key name } } }
        relationships(types: [PARTICIPATES_IN], direction: INCOMING, first: 20) { edges { node { from { key description } } } }
      } } }`,
      { id: EVENT },
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.extensions!.neo4j!.roundTrips).toBe(1);
    const fromKey = nested.data!.entity.relationships.edges.map((e) => e.node.from).find((f) => f.key === key);
    expect(fromKey?.description).toBe(described[0]!.other.description);
  });

  it('plans typed relationship fields too (their far end is a concrete type), equal to the unplanned answers', async () => {
    // Country.claims is a PlaceRelationshipConnection; Place.claimants under its `other` is a
    // CountryRelationshipConnection, whose far ends ask for Country.treaties in turn.
    const FIELDS = `key name
      ... on Country {
        claims(first: 5) {
          totalCount
          edges {
            node { id citations { reference } }
            other { key name claimants(first: 5) { totalCount edges { other { key name treaties(first: 3) { totalCount edges { other { key name } } } } } } }
          }
        }
      }`;
    const planned = await api.gql<{ entity: { claims: { totalCount: number; edges: { other: { claimants: { totalCount: number } } }[] } } }>(
      `query($id: ID!) { entity(id: $id) { ${FIELDS} } }`,
      { id: 'japan' },
    );
    expect(planned.errors).toBeUndefined();
    expect(planned.extensions!.neo4j!.roundTrips).toBe(1);
    const unplanned = await api.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { ... on Entity { ${FIELDS} } } }`, { id: 'japan' });
    expect(unplanned.errors).toBeUndefined();
    expect(unplanned.extensions!.neo4j!.roundTrips).toBeGreaterThan(1);
    expect(planned.data!.entity).toEqual(unplanned.data!.node);
    const claims = planned.data!.entity.claims;
    expect(claims.totalCount).toBeGreaterThan(0);
    expect(claims.edges[0]!.other.claimants.totalCount).toBeGreaterThan(1);
  });

  it('leaves invalid arguments to the resolvers: the error names the argument', async () => {
    const res = await api.gql(`{ entity(id: "${EVENT}") { relationships(first: -1) { totalCount } } }`);
    expect(res.errors?.[0]?.message).toContain('"first"');
  });
});
