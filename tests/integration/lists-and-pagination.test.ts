import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { key: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $order: EntityOrder) {
  entities(filter: { types: [Event] }, orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { key } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function list(variables: Record<string, unknown>): Promise<Page> {
  const res = await api.gql<{ entities: Page }>(LIST, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.entities;
}

describe('entity lists', () => {
  it.each(['DATE_ASC', 'DATE_DESC', 'NAME_ASC', 'NAME_DESC'])('walks forward and backward over the same order (%s) with keyset cursors', async (order) => {
    const everything = await list({ first: 100, order });
    const keys = everything.edges.map((e) => e.node.key);
    expect(everything.totalCount).toBe(keys.length);
    expect(new Set(keys).size).toBe(keys.length);

    const forward: string[] = [];
    let after: string | null = null;
    let page: Page;
    do {
      page = await list({ first: 6, after, order });
      forward.push(...page.edges.map((e) => e.node.key));
      after = page.pageInfo.endCursor;
    } while (page.pageInfo.hasNextPage);
    expect(forward).toEqual(keys);

    const backward: string[] = [];
    let before: string | null = null;
    do {
      page = await list({ last: 6, before, order });
      backward.unshift(...page.edges.map((e) => e.node.key));
      before = page.pageInfo.startCursor;
    } while (page.pageInfo.hasPreviousPage);
    expect(backward).toEqual(keys);
  });

  it('reports hasPreviousPage after a forward cursor', async () => {
    const first = await list({ first: 3, order: 'NAME_ASC' });
    const second = await list({ first: 3, after: first.pageInfo.endCursor, order: 'NAME_ASC' });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.edges[0]!.node.key).not.toBe(first.edges[2]!.node.key);
  });

  it('filters with relationship quantifiers: Japanese companies', async () => {
    const res = await api.gql<{ companies: { nodes: { key: string }[] } }>(`{
      companies(filter: { some: [{ type: BASED_IN, direction: OUTGOING, target: { ids: ["japan"] } }] }, first: 100) { nodes { key } }
    }`);
    expect(res.errors).toBeUndefined();
    const keys = res.data!.companies.nodes.map((n) => n.key);
    expect(keys).toContain('mitsui');
    expect(keys).not.toContain('rosneft');
  });

  it('filters with none and all quantifiers and a date window', async () => {
    const none = await api.gql<{ people: { nodes: { key: string }[] } }>(`{
      people(filter: { none: [{ type: HOLDS_OFFICE }] }, first: 100) { nodes { key } }
    }`);
    expect(none.data!.people.nodes.map((n) => n.key)).not.toContain('shinzo-abe');
    const window = await api.gql<{ events: { nodes: { key: string; dateFrom: string; dateTo: string }[] } }>(`{
      events(filter: { dateFrom: "2016", dateTo: "2016" }, first: 100) { nodes { key dateFrom dateTo } }
    }`);
    const events = window.data!.events.nodes;
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) {
      expect(e.dateTo >= '2016-01-01').toBe(true);
      expect(e.dateFrom <= '2016-12-31').toBe(true);
    }
    const all = await api.gql<{ events: { nodes: { key: string }[] } }>(`{
      events(filter: { all: [{ type: HELD_IN, direction: OUTGOING, target: { ids: ["sochi"] } }] }, first: 100) { nodes { key } }
    }`);
    expect(all.errors).toBeUndefined();
    expect(all.data!.events.nodes.map((n) => n.key)).toContain('abe-putin-summit-sochi-2016-05');
  });

  it('bounds page sizes and rejects foreign cursors with errors naming the argument', async () => {
    const big = await api.gql(`{ entities(first: 100000) { totalCount } }`);
    expect(big.errors?.[0]?.message).toBe('Argument "first" is 100000; the limit is 100');
    const cursor = await api.gql(`{ entities(first: 2, after: "not-a-cursor") { totalCount } }`);
    expect(cursor.errors?.[0]?.message).toMatch(/Argument "after" is not a cursor/);
    const mixed = await api.gql(`{ entities(first: 2, last: 2) { totalCount } }`);
    expect(mixed.errors?.[0]?.message).toMatch(/Argument "last"/);
  });

  it('counts totals however totalCount is selected: alias, fragment spread, inline fragment', async () => {
    const res = await api.gql<{
      plain: { totalCount: number };
      aliased: { n: number };
      spread: { totalCount: number };
      inline: { totalCount: number };
      unasked: { edges: unknown[] };
      abe: { relationships: { total: number; edges: unknown[] }; viaSpread: { totalCount: number } };
    }>(`
      fragment Counted on EventConnection { totalCount }
      fragment RelCount on RelationshipConnection { totalCount }
      {
        plain: events(first: 1) { totalCount }
        aliased: events(first: 1) { n: totalCount }
        spread: events(first: 1) { ...Counted }
        inline: events(first: 1) { ... on EventConnection { totalCount } }
        unasked: events(first: 1) { edges { cursor } }
        abe: entity(id: "shinzo-abe") {
          relationships(first: 1) { total: totalCount edges { cursor } }
          viaSpread: relationships(first: 2) { ...RelCount }
        }
      }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.plain.totalCount).toBeGreaterThan(10);
    expect([d.aliased.n, d.spread.totalCount, d.inline.totalCount]).toEqual([d.plain.totalCount, d.plain.totalCount, d.plain.totalCount]);
    expect(d.unasked.edges).toHaveLength(1);
    expect(d.abe.relationships.total).toBeGreaterThan(10);
    expect(d.abe.viaSpread.totalCount).toBe(d.abe.relationships.total);
  });
});
