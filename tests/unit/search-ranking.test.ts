import { describe, expect, it } from 'vitest';
import type { RawSearchHit } from '../../src/db/search-store.js';
import type { EntityLabel } from '../../src/model/graph-model.js';
import { highlight } from '../../src/search/highlight.js';
import { hitHighlights, nameMatch, rankHits } from '../../src/search/rank-hits.js';

const hit = (key: string, name: string, label: EntityLabel, score: number, aliases: string[] = [], description: string | null = null): RawSearchHit => ({
  entity: { key, label, name, aliases, aliasUsedBy: [], description, citations: [], dateFrom: null, dateTo: null, props: {} },
  score,
});

describe('search ranking', () => {
  it('puts an exact name match before higher-scoring partial matches', () => {
    const ranked = rankHits('Russia', [hit('european-russia', 'European Russia', 'Place', 9), hit('sanction', 'EU sanctions on Russia', 'Sanction', 8), hit('russia', 'Russia', 'Country', 3)], [], 10);
    expect(ranked.map((h) => [h.entity.key, h.match])).toEqual([['russia', 'EXACT'], ['european-russia', 'NAME'], ['sanction', 'NAME']]);
  });

  it('counts an alias as the name, ignoring case, diacritics and punctuation', () => {
    expect(nameMatch(hit('rdif', 'Russian Direct Investment Fund', 'Company', 1, ['RDIF']).entity, 'rdif')).toBe('EXACT');
    expect(nameMatch(hit('abe', 'Shinzo Abe', 'Person', 1, ['Shinzō Abe']).entity, 'SHINZŌ-ABE')).toBe('EXACT');
    expect(nameMatch(hit('abe', 'Shinzo Abe', 'Person', 1).entity, 'shinzo ab')).toBe('PREFIX');
  });

  it('ranks actors before evidence of equal score, and name matches before text matches', () => {
    const ranked = rankHits('Kuril', [hit('obs', 'Kuril figure', 'Observation', 4), hit('place', 'Kuril place', 'Place', 3)], [hit('text', 'Other', 'Person', 50, [], 'about the Kuril Islands')], 10);
    expect(ranked.map((h) => h.entity.key)).toEqual(['place', 'obs', 'text']);
    expect(hitHighlights(ranked[2]!)[0]).toMatchObject({ field: 'description' });
  });

  it('lists an entity found by name and by text once, at its best match', () => {
    const ranked = rankHits('Nagato', [hit('nagato', 'Nagato', 'Place', 2)], [hit('nagato', 'Nagato', 'Place', 5, [], 'Town in Yamaguchi; Nagato summit')], 10);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.match).toBe('EXACT');
  });

  it('keeps the relationship texts an entity matched through, and highlights each field once', () => {
    const via = (text: string, otherName: string, score: number): RawSearchHit => ({ ...hit('meti', 'METI', 'Organization', score), relation: { text, otherName } });
    const ranked = rankHits('minister', [], [via('appointed a minister', 'Russia', 4), via('appointed a minister', 'Russia', 3), via('minister visit', 'Japan', 2)], 10);
    expect(ranked).toHaveLength(1);
    expect(hitHighlights(ranked[0]!).map((h) => [h.field, h.fragment])).toEqual([
      ['relation', 'appointed a minister (Russia)'],
      ['relation', 'minister visit (Japan)'],
    ]);
  });
});

describe('highlights', () => {
  it('marks whole words and prefixes with offsets into the original text', () => {
    const h = highlight('description', 'Abe met Putin in Ōita and Sochi.', 'oita soch')!;
    expect(h.matches.map((m) => h.fragment.slice(m.start, m.end))).toEqual(['Ōita', 'Soch']);
  });

  it('cuts long text to a fragment around the first match', () => {
    const text = `${'x '.repeat(200)}the Kuril Islands${' y'.repeat(200)}`;
    const h = highlight('description', text, 'kuril')!;
    expect(h.fragment.length).toBeLessThanOrEqual(170);
    expect(h.fragment.slice(h.matches[0]!.start, h.matches[0]!.end)).toBe('Kuril');
  });

  it('returns nothing when no word matches', () => {
    expect(highlight('name', 'Japan', 'russia')).toBeNull();
  });
});
