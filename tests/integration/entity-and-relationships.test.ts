import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

interface Citation { document: string; startLine: number; endLine: number; source: { title: string | null } | null }

describe('an entity with its relationships and citations', () => {
  it('returns Abe with aliases, citations that name their document, and relationship edges', async () => {
    const res = await api.gql<{ entity: { name: string; type: string; citations: Citation[]; relationships: { totalCount: number; edges: { direction: string; other: { key: string }; node: { type: string; citations: Citation[] } }[] } } }>(`{
      entity(id: "shinzo-abe") {
        name type
        citations { document startLine endLine source { title } }
        relationships(first: 50) {
          totalCount
          edges { direction other { key } node { type citations { document startLine endLine source { title } } } }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const abe = res.data!.entity;
    expect(abe.name).toBe('Shinzo Abe');
    expect(abe.type).toBe('Person');
    expect(abe.citations.length).toBeGreaterThan(0);
    for (const c of abe.citations) {
      expect(c.document).toMatch(/^00\d_[0-9a-f]+\.txt$/);
      expect(c.startLine).toBeLessThanOrEqual(c.endLine);
      expect(c.source?.title).toBeTruthy();
    }
    expect(abe.relationships.totalCount).toBeGreaterThan(10);
    expect(abe.relationships.edges.some((e) => e.node.type === 'HOLDS_OFFICE' && e.other.key === 'japan' && e.direction === 'OUTGOING')).toBe(true);
    for (const edge of abe.relationships.edges) expect(edge.node.citations.length).toBeGreaterThan(0);
  });

  it('exposes typed relationship fields such as Person.offices and Treaty.parties', async () => {
    const res = await api.gql<{ abe: { offices: { edges: { other: { key: string }; node: { role: string | null } }[] } }; decl: { parties: { edges: { other: { key: string } }[] } } }>(`{
      abe: entity(id: "shinzo-abe") { ... on Person { offices { edges { other { key } node { role } } } } }
      decl: entity(id: "soviet-japanese-joint-declaration-1956") { ... on Treaty { parties { edges { other { key } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.abe.offices.edges.map((e) => e.other.key)).toContain('japan');
    const parties = new Set(res.data!.decl.parties.edges.map((e) => e.other.key));
    expect(parties).toContain('japan');
    expect(parties).toContain('soviet-union');
  });

  it('pages relationships with keyset cursors without gaps or overlaps', async () => {
    const all = await api.gql<{ entity: { relationships: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      `{ entity(id: "japan") { relationships(first: 100) { totalCount edges { node { id } } } } }`,
    );
    const total = all.data!.entity.relationships.totalCount;
    const expected = all.data!.entity.relationships.edges.map((e) => e.node.id);
    const seen: string[] = [];
    let after: string | null = null;
    // One page more than the total needs, so a cursor that never ends still stops the loop.
    for (let i = 0; i <= Math.ceil(total / 7); i++) {
      const page: Awaited<ReturnType<typeof api.gql<{ entity: { relationships: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }>>> = await api.gql(
        `query($after: String) { entity(id: "japan") { relationships(first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const rel = page.data!.entity.relationships;
      seen.push(...rel.edges.map((e) => e.node.id));
      if (!rel.pageInfo.hasNextPage) break;
      after = rel.pageInfo.endCursor;
    }
    expect(seen.slice(0, expected.length)).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  });

  it('fetches entities by Relay global id through node and nodes', async () => {
    const first = await api.gql<{ entity: { id: string } }>(`{ entity(id: "vladimir-putin") { id } }`);
    const globalId = first.data!.entity.id;
    const res = await api.gql<{ node: { name: string } | null; nodes: ({ name: string } | null)[] }>(
      `query($id: ID!) { node(id: $id) { ... on Entity { name } } nodes(ids: [$id]) { ... on Entity { name } } }`,
      { id: globalId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node?.name).toBe('Vladimir Putin');
    expect(res.data!.nodes[0]?.name).toBe('Vladimir Putin');
  });

  it('resolves an unknown id to null and a malformed id to an error naming the argument', async () => {
    const missing = await api.gql<{ entity: null }>(`{ entity(id: "no-such-entity") { name } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.entity).toBeNull();
    const bad = await api.gql(`{ entity(id: "DROP TABLE; --") { name } }`);
    expect(bad.errors?.[0]?.message).toMatch(/Argument "id"/);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('records whose usage a name is', async () => {
    const res = await api.gql<{ entity: { aliases: { name: string; usedBy: { key: string } | null }[] } }>(
      `{ entity(id: "southern-kuril-islands") { aliases { name usedBy { key } } } }`,
    );
    const aliases = res.data!.entity.aliases;
    expect(aliases).toContainEqual({ name: 'Northern Territories', usedBy: { key: 'japan' } });
    expect(aliases.some((a) => a.usedBy?.key === 'russia')).toBe(true);
  });
});
