/**
 * Every capped plain list says when the cap cut it: `extensions.truncated`
 * names the list by its response path (aliases included) and the argument
 * that capped it; an answer that holds everything carries no such entry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

interface Truncation { path: (string | number)[]; argument: string; returned: number }

async function ask(query: string): Promise<{ data: Record<string, unknown[]>; truncated: Truncation[] | undefined }> {
  const response = await api.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: Record<string, unknown[]>; errors?: unknown[]; extensions?: { truncated?: Truncation[] } };
  expect(body.errors).toBeUndefined();
  return { data: body.data, truncated: body.extensions?.truncated };
}

describe('extensions.truncated', () => {
  it.each([
    ['search', '{ search(query: "Japan", first: 2) { entity { key } } }', '{ search(query: "RDIF", first: 100) { entity { key } } }', 'first'],
    ['timeline', '{ timeline(first: 2) { key } }', '{ timeline(from: "2016-12-15", to: "2016-12-16", first: 100) { key } }', 'first'],
    ['interlocks', '{ interlocks(a: "japan", b: "russia", first: 1) { entity { key } } }', '{ interlocks(a: "shinzo-abe", b: "vladimir-putin", first: 100) { entity { key } } }', 'first'],
    ['paths', '{ paths(from: "mitsui", to: "rdif", maxHops: 4, k: 1) { length } }', '{ paths(from: "shinzo-abe", to: "vladimir-putin", relationshipTypes: [PARTICIPATES_IN], maxHops: 2, k: 100) { length } }', 'k'],
  ] as const)('%s: names the list when the cap cut it, and stays away when it did not', async (field, cut, whole, argument) => {
    const capped = await ask(cut);
    const returned = capped.data[field]!.length;
    expect(returned, field).toBeGreaterThan(0);
    expect(capped.truncated, field).toEqual([{ path: [field], argument, returned }]);
    const full = await ask(whole);
    expect(full.data[field]!.length, field).toBeGreaterThan(0);
    expect(full.truncated, field).toBeUndefined();
  });

  it('follows aliases and reports each cut list of a request', async () => {
    const { data, truncated } = await ask('{ a: search(query: "Japan", first: 1) { entity { key } } b: search(query: "RDIF", first: 100) { entity { key } } c: timeline(first: 1) { key } }');
    expect(data['a']).toHaveLength(1);
    expect(data['b']!.length).toBeGreaterThan(0);
    // Fields resolve concurrently: the entries come in the order the lists were finished.
    expect([...(truncated ?? [])].sort((x, y) => String(x.path[0]).localeCompare(String(y.path[0])))).toEqual([
      { path: ['a'], argument: 'first', returned: 1 },
      { path: ['c'], argument: 'first', returned: 1 },
    ]);
  });

  it('keeps the first items the uncapped answer gives, in order', async () => {
    const two = await ask('{ search(query: "Japan", first: 2) { entity { key } } }');
    const ten = await ask('{ search(query: "Japan", first: 10) { entity { key } } }');
    expect(two.data['search']).toEqual(ten.data['search']!.slice(0, 2));
  });
});
