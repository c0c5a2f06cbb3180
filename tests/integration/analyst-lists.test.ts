import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

// The Valdai report's chart "FOREIGN TRADE PARTNERS, 2016 ($ BN)": Russia's ten partners sit on
// lines 759 (China 66.1) to 795 (Poland 13.1) of 004_7ce712ce098c1c85.txt; Japan's chart follows.
const RUSSIA_CHART = `{ document: "004", fromLine: 755, toLine: 796 }`;

interface Figure {
  key: string;
  name: string;
  value: number;
  unit: string;
}

describe('typed lists', () => {
  it('returns events as Event, so type-specific fields need no fragment', async () => {
    const res = await api.gql<{ events: { nodes: { key: string; kind: string | null; participants: { totalCount: number } }[] } }>(
      `{ events(filter: { ids: ["abe-putin-summit-sochi-2016-05"] }) { nodes { key kind participants { totalCount } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.events.nodes[0]?.key).toBe('abe-putin-summit-sochi-2016-05');
    expect(res.data!.events.nodes[0]!.participants.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('accepts keys and global ids alike in nodes(ids:)', async () => {
    const byKey = await api.gql<{ nodes: ({ id: string; name: string } | null)[] }>(`{ nodes(ids: ["vladimir-putin", "no-such-entity"]) { id ... on Entity { name } } }`);
    expect(byKey.errors).toBeUndefined();
    expect(byKey.data!.nodes[0]?.name).toBe('Vladimir Putin');
    expect(byKey.data!.nodes[1]).toBeNull();
    const byId = await api.gql<{ nodes: ({ name: string } | null)[] }>(`query($id: ID!) { nodes(ids: [$id, "japan"]) { ... on Entity { name } } }`, { id: byKey.data!.nodes[0]!.id });
    expect(byId.data!.nodes.map((n) => n?.name)).toEqual(['Vladimir Putin', 'Japan']);
  });
});

describe('ordering figures by value', () => {
  it('finds the largest and the smallest figure of one chart', async () => {
    const query = (order: string) => `{ observations(filter: { citedIn: ${RUSSIA_CHART}, unit: { eq: "USD billion" } }, orderBy: ${order}, first: 1) {
      nodes { key name value unit } } }`;
    const top = await api.gql<{ observations: { nodes: Figure[] } }>(query('VALUE_DESC'));
    expect(top.errors).toBeUndefined();
    expect(top.data!.observations.nodes[0]).toMatchObject({ value: 66.1, unit: 'USD billion' });
    expect(top.data!.observations.nodes[0]!.name).toMatch(/China/);
    expect(top.extensions?.neo4j?.roundTrips).toBe(1); // filter, order and page: one Cypher query
    const bottom = await api.gql<{ observations: { nodes: Figure[] } }>(query('VALUE_ASC'));
    expect(bottom.data!.observations.nodes[0]).toMatchObject({ value: 13.1 });
    expect(bottom.data!.observations.nodes[0]!.name).toMatch(/Poland/);
  });

  it('pages through a value order with stable cursors both ways, figures without a value last', async () => {
    const page = async (args: string) =>
      (await api.gql<{ observations: { edges: { cursor: string; node: { key: string; value: number | null } }[] } }>(
        `{ observations(orderBy: VALUE_DESC, ${args}) { edges { cursor node { key value } } } }`,
      )).data!.observations.edges;
    const all = await page('first: 100');
    const values = all.map((e) => e.node.value);
    const firstNull = values.indexOf(null);
    if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
    const numbers = values.filter((v): v is number => v !== null);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    // Forward in pages of 7 gives the same sequence; backward from the end too.
    const keys: string[] = [];
    let after = '';
    for (let i = 0; i < 30 && keys.length < all.length; i++) {
      const edges = await page(`first: 7${after}`);
      if (edges.length === 0) break;
      keys.push(...edges.map((e) => e.node.key));
      after = `, after: "${edges.at(-1)!.cursor}"`;
    }
    expect(keys.slice(0, all.length)).toEqual(all.map((e) => e.node.key));
    const middle = all[40]!;
    const before = await page(`last: 5, before: "${middle.cursor}"`);
    expect(before.map((e) => e.node.key)).toEqual(all.slice(35, 40).map((e) => e.node.key));
  });

  it('refuses forged cursors of the right shape, naming the argument', async () => {
    for (const forged of [[1e308, null], ['x', 'not a key!'], 'text', [1, 2, 3]]) {
      const cursor = Buffer.from(typeof forged === 'string' ? forged : JSON.stringify(forged)).toString('base64url');
      const res = await api.gql(`{ observations(orderBy: VALUE_DESC, after: "${cursor}") { nodes { key } } }`);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/Argument "after"/);
    }
    // A name cursor is not a value cursor: numbers where text belongs are refused too.
    const nameCursor = Buffer.from(JSON.stringify([3, 'japan'])).toString('base64url');
    const res = await api.gql(`{ countries(after: "${nameCursor}") { nodes { key } } }`);
    expect(res.errors?.[0]?.extensions?.['argument']).toBe('after');
  });

  it('orders entities by the number of documents citing them', async () => {
    const res = await api.gql<{ countries: { nodes: { key: string; citations: { document: string }[] }[] } }>(
      `{ countries(orderBy: DOCUMENTS_DESC, first: 3) { nodes { key citations { document } } } }`,
    );
    const counts = res.data!.countries.nodes.map((n) => new Set(n.citations.map((c) => c.document)).size);
    expect(counts[0]).toBe(5); // Russia and Japan are named in all five documents
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('filters on properties and on the citing document', () => {
  it('counts the figures of a chart above a threshold with an aggregate, in one query', async () => {
    const res = await api.gql<{ observations: { aggregate: { count: number; numbers: { property: string; max: number; min: number }[] } } }>(
      `{ observations(filter: { citedIn: ${RUSSIA_CHART}, unit: { eq: "USD billion" }, value: { gt: 20 } }) {
          aggregate { count numbers { property min max } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // China 66.1, Germany 40.7, Netherlands 32.3, United States 20.3
    expect(res.data!.observations.aggregate.count).toBe(4);
    expect(res.data!.observations.aggregate.numbers).toEqual([{ property: 'value', min: 20.3, max: 66.1 }]);
    expect(res.extensions?.neo4j?.roundTrips).toBe(1);
  });

  it('groups figures by unit and by document', async () => {
    const res = await api.gql<{ observations: { aggregate: { count: number; groups: { key: string; count: number }[] } } }>(
      `{ observations(filter: { measure: { eq: "bilateral trade turnover" } }) { aggregate(groupBy: DOCUMENT) { count groups { key count } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const groups = res.data!.observations.aggregate.groups;
    expect(groups.map((g) => g.key)).toContain('000_c5fc82dd9b71dc87.txt'); // 28.3 and 17.7 billion dollars, line 9
    expect(groups[0]!.key).toBe('004_7ce712ce098c1c85.txt');
    expect(res.extensions?.neo4j?.roundTrips).toBe(1);
  });

  it('lists the people cited in one document', async () => {
    const res = await api.gql<{ people: { nodes: { key: string; citations: { document: string }[] }[] } }>(
      `{ people(filter: { citedIn: { document: "002_46facb7d03802295.txt" } }, first: 100) { nodes { key citations { document } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const keys = res.data!.people.nodes.map((n) => n.key);
    // The authors (lines 3 and 5), and the two leaders the brief discusses.
    expect(keys).toEqual(expect.arrayContaining(['bart-gaens', 'marcin-kaczmarek', 'shinzo-abe', 'vladimir-putin']));
    for (const person of res.data!.people.nodes) expect(person.citations.map((c) => c.document)).toContain('002_46facb7d03802295.txt');
    expect(keys).not.toContain('bob-savic'); // the author of document 001
  });

  it('folds dashes in nameContains the way search does', async () => {
    const count = async (text: string) =>
      (await api.gql<{ entities: { totalCount: number } }>(`query($t: String!) { entities(filter: { nameContains: $t }) { totalCount } }`, { t: text })).data!.entities.totalCount;
    const enDash = await count('Russia–Japan');
    expect(enDash).toBeGreaterThan(0);
    expect(await count('Russia-Japan')).toBe(enDash);
  });

  it('filters on relationship properties and the far end inside a quantifier', async () => {
    // Offices held with the role "President", at a country.
    const res = await api.gql<{ people: { nodes: { key: string }[] } }>(
      `{ people(filter: { some: [{ type: HOLDS_OFFICE, direction: OUTGOING, where: { role: { eq: "President" } }, target: { types: [Country], ids: ["russia"] } }] }, first: 50) { nodes { key } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.people.nodes.map((n) => n.key)).toContain('vladimir-putin');
    expect(res.data!.people.nodes.map((n) => n.key)).not.toContain('shinzo-abe');
  });

  it('names the argument at fault', async () => {
    const res = await api.gql(`{ observations(filter: { citedIn: { document: "009" } }) { nodes { key } } }`);
    expect(res.errors?.[0]?.extensions?.['argument']).toBe('filter.citedIn.document');
    const date = await api.gql(`{ events(filter: { date: { gte: "May 2016" } }) { nodes { key } } }`);
    expect(date.errors?.[0]?.extensions?.['argument']).toBe('filter.date.gte');
  });
});

describe('timeline', () => {
  it('keeps only events connected to all the given entities with match: ALL', async () => {
    const ids = ['shinzo-abe', 'vladimir-putin'];
    const get = async (match: string) =>
      (await api.gql<{ timeline: { key: string }[] }>(`query($ids: [ID!]) { timeline(entityIds: $ids, match: ${match}, first: 100) { key } }`, { ids })).data!.timeline.map((e) => e.key);
    const any = await get('ANY');
    const all = await get('ALL');
    // Document 001, line 36: Abe visited Putin in Sochi in May 2016.
    expect(all).toContain('abe-putin-summit-sochi-2016-05');
    expect(all.length).toBeLessThan(any.length);
    for (const key of all) expect(any).toContain(key);
    // Each event kept under ALL is tied to both leaders.
    const res = await api.gql<{ nodes: { relationships: { edges: { other: { key: string } }[] } }[] }>(
      `query($keys: [ID!]!) { nodes(ids: $keys) { ... on Entity { relationships(first: 100) { edges { other { key } } } } } }`,
      { keys: all.slice(0, 10) },
    );
    for (const event of res.data!.nodes) {
      const others = event.relationships.edges.map((e) => e.other.key);
      expect(others).toEqual(expect.arrayContaining(ids));
    }
  });
});
