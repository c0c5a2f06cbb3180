import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

async function topKeys(query: string, extra = ''): Promise<string[]> {
  const res = await api.gql<{ search: { entity: { key: string } }[] }>(
    `query($q: String!) { search(query: $q, first: 5${extra}) { entity { key } } }`,
    { q: query },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.search.map((h) => h.entity.key);
}

describe('search over names and aliases', () => {
  it('finds the disputed islands by the name each side uses', async () => {
    expect(await topKeys('Northern Territories')).toContain('southern-kuril-islands');
    expect(await topKeys('Southern Kurils')).toContain('southern-kuril-islands');
  });

  it('ignores case and diacritics and forgives a typo', async () => {
    expect((await topKeys('SHINZŌ ABE'))[0]).toBe('shinzo-abe');
    expect((await topKeys('shinzo abbe'))[0]).toBe('shinzo-abe');
    expect(await topKeys('Vladmir Putin')).toContain('vladimir-putin');
  });

  it('narrows by entity type', async () => {
    const res = await api.gql<{ search: { entity: { type: string } }[] }>(`{ search(query: "Sochi", types: [Place]) { entity { type } } }`);
    expect(res.data!.search.length).toBeGreaterThan(0);
    for (const hit of res.data!.search) expect(hit.entity.type).toBe('Place');
  });

  it.each(['"unbalanced', 'AND OR NOT', 'title:(x', '*', '~~~', 'a\\b', '[1 TO 5]', 'abe^99', '((((', '\u0000\u202e'])(
    'never fails on Lucene syntax in the input: %j',
    async (input) => {
      const res = await api.gql<{ search: unknown[] }>(`query($q: String!) { search(query: $q) { score } }`, { q: input });
      expect(res.status).toBe(200);
      if (res.errors) expect(res.errors[0]!.extensions?.['code']).toBe('BAD_USER_INPUT');
      else expect(Array.isArray(res.data!.search)).toBe(true);
    },
  );
});
