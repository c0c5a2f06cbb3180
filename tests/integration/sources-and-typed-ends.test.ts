import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

interface SourceMeta { key: string; title: string; kind: string | null; publisher: string | null; date: string | null }

describe('sources describe themselves as the documents do', () => {
  it('gives kind, publisher and date where the document states them, null where it does not', async () => {
    const res = await api.gql<{ sources: { nodes: SourceMeta[] } }>('{ sources(first: 10) { nodes { key ... on Source { title kind publisher date } } } }');
    expect(res.errors).toBeUndefined();
    const byKey = new Map(res.data!.sources.nodes.map((s) => [s.key, s]));
    // 004's running header, line 1533: "VALDAI DISCUSSION CLUB REPORT, AUGUST 2017".
    expect(byKey.get('source-004')).toMatchObject({ kind: 'report', publisher: 'Valdai Discussion Club', date: '2017-08' });
    // 000 names its publisher (line 38) but not what sort of text it is, nor a date.
    expect(byKey.get('source-000')).toMatchObject({ title: 'Russia and Japan strengthen their ties', publisher: 'Pecob', kind: null, date: null });
    expect(byKey.get('source-003')).toMatchObject({ kind: null, publisher: null, date: null });
  });
});

describe('Source.supportedEntities as a connection', () => {
  const PAGE = `query($first: Int, $after: String, $kinds: [EntityType!], $filter: EntityFilter) {
    source(id: "002_46facb7d03802295.txt") { ... on Source {
      supportedEntities(first: $first, after: $after, kinds: $kinds, filter: $filter) {
        totalCount nodes { key type name } pageInfo { hasNextPage endCursor }
      }
    } }
  }`;
  type Page = { totalCount: number; nodes: { key: string; type: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const res = await api.gql<{ source: { supportedEntities: Page } }>(PAGE, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.source.supportedEntities;
  };

  it('narrows to kinds: the two authors of 002 are among its people (lines 3 and 5)', async () => {
    const people = await page({ first: 100, kinds: ['Person'] });
    expect(people.nodes.every((n) => n.type === 'Person')).toBe(true);
    expect(people.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(['bart-gaens', 'marcin-kaczmarek']));
    expect(people.totalCount).toBe(people.nodes.length);
  });

  it('applies a filter and pages in name order without skipping or repeating', async () => {
    const all = await page({ first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i += 1) {
      const p = await page({ first: 7, after });
      seen.push(...p.nodes.map((n) => n.key));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n) => n.key));
    const names = all.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const kaczmarek = await page({ first: 10, filter: { nameContains: 'kaczmarek' } });
    expect(kaczmarek.nodes.map((n) => n.key)).toEqual(['marcin-kaczmarek']);
  });

  it('refuses a citedIn filter, which the field fixes itself', async () => {
    const res = await api.gql(PAGE, { filter: { citedIn: { document: '000_c5fc82dd9b71dc87.txt' } } });
    expect(res.errors?.[0]?.message).toContain('Argument "filter.citedIn"');
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('typed relationship fields with a fixed far end', () => {
  it('types the other end of Country.claims as Place, so Place fields need no fragment', async () => {
    const res = await api.gql<{ entity: { claims: { edges: { other: { key: string; kind: string | null } }[] } } }>(
      '{ entity(id: "japan") { ... on Country { claims { edges { other { key kind } } } } } }',
    );
    expect(res.errors).toBeUndefined();
    // 000 line 17: Japan claims the southern Kurils.
    expect(res.data!.entity.claims.edges.map((e) => e.other.key)).toContain('southern-kuril-islands');
    const types = await api.gql<{ __type: { fields: { name: string; type: { ofType: { name: string } } }[] } }>(
      '{ __type(name: "Country") { fields { name type { ofType { name } } } } }',
    );
    const fieldType = (name: string): string | undefined => types.data!.__type.fields.find((f) => f.name === name)?.type.ofType.name;
    expect(fieldType('claims')).toBe('PlaceRelationshipConnection');
    expect(fieldType('treaties')).toBe('TreatyRelationshipConnection');
    // Memberships end at organisations or policies: the far end stays the Entity interface.
    expect(fieldType('memberships')).toBe('RelationshipConnection');
  });
});
