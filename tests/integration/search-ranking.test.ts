import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIRECTORY } from '../../src/bootstrap.js';
import { lineCountsOf, readDocumentManifest } from '../../src/seed/documents.js';
import { readSeedFiles } from '../../src/seed/read-seed-files.js';
import { validateSeed } from '../../src/seed/validate-seed.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

interface Hit {
  match: string;
  score: number;
  highlights: { field: string; fragment: string; matches: { start: number; end: number }[] }[];
  entity: { key: string; type: string };
}

async function search(query: string, extra = ''): Promise<Hit[]> {
  const res = await api.gql<{ search: Hit[] }>(
    `query($q: String!) { search(query: $q, first: 10${extra}) { match score highlights { field fragment matches { start end } } entity { key type } } }`,
    { q: query },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.search;
}

const { judgements } = JSON.parse(readFileSync(new URL('../fixtures/search-judgements.json', import.meta.url), 'utf8')) as {
  judgements: { query: string; expected: string }[];
};

describe('search ranking', () => {
  it.each([
    ['Russia', 'russia'],
    ['Japan', 'japan'],
    ['RDIF', 'rdif'],
    ['Northern Territories', 'southern-kuril-islands'],
  ])('ranks the entity a person expects first for %s', async (query, expected) => {
    const hits = await search(query);
    expect(hits[0]?.entity.key).toBe(expected);
    expect(hits[0]?.match).toBe('EXACT');
  });

  it(`reaches an MRR of at least 0.9 on the judgement set (${judgements.length} queries)`, async () => {
    expect(judgements.length).toBeGreaterThanOrEqual(40);
    let total = 0;
    const misses: string[] = [];
    for (const { query, expected } of judgements) {
      const keys = (await search(query)).map((h) => h.entity.key);
      const rank = keys.indexOf(expected) + 1;
      total += rank > 0 ? 1 / rank : 0;
      if (rank !== 1) misses.push(`${query} → ${expected} at rank ${rank || '>10'} (first: ${keys[0] ?? 'none'})`);
    }
    const mrr = total / judgements.length;
    console.log(`search MRR over ${judgements.length} judged queries: ${mrr.toFixed(3)}${misses.length ? `\n  not first:\n  ${misses.join('\n  ')}` : ''}`);
    expect(mrr).toBeGreaterThanOrEqual(0.9);
  });

  it('finds every name and alias of the seed graph as an exact match first', async () => {
    // Possessives ("Putin's visit to Japan") and stop words ("to") once kept some from matching at all.
    const { graph } = validateSeed(await readSeedFiles(SEED_DIRECTORY), lineCountsOf(await readDocumentManifest(SEED_DIRECTORY)));
    const texts = [...new Set(graph.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.name)]))];
    expect(texts.length).toBeGreaterThan(800);
    const misses: string[] = [];
    for (let i = 0; i < texts.length; i += 8) {
      await Promise.all(
        texts.slice(i, i + 8).map(async (text) => {
          const hits = await search(text);
          if (hits[0]?.match !== 'EXACT') misses.push(`${text} (first: ${hits[0]?.entity.key ?? 'none'}, ${hits[0]?.match ?? '-'})`);
        }),
      );
    }
    expect(misses).toEqual([]);
  }, 180_000);

  it('finds words that occur only in text, with the matching fragment highlighted', async () => {
    // "personnel" names no entity: it is the measure of a figure (the 18th division's strength, document 004).
    const hits = await search('military personnel', ', in: [TEXT]');
    const hit = hits.find((h) => h.entity.key === 'obs-18th-division-personnel');
    expect(hit?.match).toBe('TEXT');
    const measure = hit!.highlights.find((h) => h.field === 'measure')!;
    expect(measure.matches.map((m) => measure.fragment.slice(m.start, m.end).toLowerCase())).toEqual(['military', 'personnel']);
  });

  it('reads text only to fill what names leave of the page', async () => {
    // No name says "personnel": the default search (names and text) still finds the figure by its measure.
    const hits = await search('military personnel');
    expect(hits.find((h) => h.entity.key === 'obs-18th-division-personnel')?.match).toBe('TEXT');
    // A larger page than the name hits fill gets text hits after every name hit, in one round trip.
    const res = await api.gql<{ search: Hit[] }>(`{ search(query: "Kuril", first: 100) { match entity { key } } }`);
    const matches = res.data!.search.map((h) => h.match);
    const firstText = matches.indexOf('TEXT');
    expect(firstText).toBeGreaterThan(0);
    expect(matches.slice(firstText).every((m) => m === 'TEXT')).toBe(true);
    expect(res.extensions?.neo4j?.roundTrips).toBe(1);
  });

  it('forgives a typo in names but not in text, so every text hit shows where it matched', async () => {
    // "personnel" occurs only in text (the 18th division's figure); misspelt, it finds no text hit.
    expect((await search('personnel', ', in: [TEXT]')).map((h) => h.entity.key)).toContain('obs-18th-division-personnel');
    expect(await search('personel', ', in: [TEXT]')).toEqual([]);
    // A misspelt name is still found.
    expect((await search('Rosneff'))[0]?.entity.key).toBe('rosneft');
    for (const query of ['Kuril', 'gas', 'trade turnover', 'sanctions']) {
      const res = await api.gql<{ search: Hit[] }>(`query($q: String!) { search(query: $q, in: [TEXT], first: 50) { match highlights { field } entity { key } } }`, { q: query });
      const textHits = res.data!.search;
      expect(textHits.length, query).toBeGreaterThan(0);
      expect(textHits.filter((h) => h.highlights.length === 0).map((h) => h.entity.key), query).toEqual([]);
    }
  });

  it('finds relationship text: the relation a RELATED_TO states', async () => {
    // Document 000, line 27: Japan appointed a minister to push economic ties with Russia (METI's stated relation).
    const hits = await search('minister appointed', ', in: [TEXT]');
    const meti = hits.find((h) => h.entity.key === 'ministry-of-economy-trade-and-industry');
    expect(meti?.highlights.some((h) => h.field === 'relation' && h.fragment.includes('Russia'))).toBe(true);
  });

  it('searches names only when asked, and reads names and text in one round trip', async () => {
    const res = await api.gql<{ search: Hit[] }>(`{ search(query: "personnel", in: [NAMES]) { match entity { key } } }`);
    expect(res.data!.search.every((h) => h.match !== 'TEXT')).toBe(true);
    expect(res.extensions?.neo4j?.roundTrips).toBe(1);
    const both = await api.gql<{ search: Hit[] }>(`{ search(query: "Kuril") { match highlights { field } entity { key name } } }`);
    expect(both.data!.search.length).toBeGreaterThan(0);
    expect(both.extensions?.neo4j?.roundTrips).toBe(1);
    const text = await api.gql<{ search: Hit[] }>(`{ search(query: "military personnel", in: [TEXT]) { match entity { key } } }`);
    expect(text.data!.search.some((h) => h.match === 'TEXT')).toBe(true);
    expect(text.extensions?.neo4j?.roundTrips).toBe(1);
  });

  it('falls back to any word when no hit has every word, with a second round trip only then', async () => {
    // No entity says "qwxzv"; with every word required nothing matches, so hits for "Kuril" alone come back.
    const res = await api.gql<{ search: Hit[] }>(`{ search(query: "Kuril qwxzv") { match entity { key } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.length).toBeGreaterThan(0);
    expect(res.extensions?.neo4j?.roundTrips).toBe(2);
    expect(res.data!.search.map((h) => h.entity.key)).toContain('kuril-islands');
  });
});
