import { describe, expect, it } from 'vitest';
import { InvalidSearchError, searchTerms, toLuceneQuery } from '../../src/search/lucene-query.js';

describe('user text to Lucene', () => {
  it('keeps only letters and digits, folded', () => {
    expect(searchTerms('Shinzō "Abe" AND (x)')).toEqual(['shinzo', 'abe', 'and', 'x']);
  });
  it('matches every word exactly, by prefix or with one typo, and ranks the exact phrase first', () => {
    expect(toLuceneQuery('Northern Territories')).toBe(
      '"northern territories"^8 OR ((northern^3 OR northern* OR northern~1) AND (territories^3 OR territories* OR territories~1))',
    );
    expect(toLuceneQuery('abe')).toBe('(abe^3 OR abe*)');
  });
  it('rejects input with nothing to search, or too long, with a reason', () => {
    expect(() => toLuceneQuery('*** !!')).toThrow(InvalidSearchError);
    expect(() => toLuceneQuery('x'.repeat(201))).toThrow(/limit is 200/);
  });
});
