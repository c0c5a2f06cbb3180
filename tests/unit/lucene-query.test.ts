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
  it('leaves typos out for text, and joins any word for the fallback', () => {
    expect(toLuceneQuery('Northern Territories', { typos: false })).toBe(
      '"northern territories"^8 OR ((northern^3 OR northern*) AND (territories^3 OR territories*))',
    );
    expect(toLuceneQuery('gas pipeline', { mode: 'any', typos: false })).toBe('"gas pipeline"^8 OR ((gas^3 OR gas*) OR (pipeline^3 OR pipeline*))');
  });
  it('drops the possessive "s" and leaves out words the index does not hold (English stop words)', () => {
    expect(searchTerms("Putin's visit to Japan")).toEqual(['putin', 'visit', 'to', 'japan']);
    expect(searchTerms('Russia’s Far East')).toEqual(['russia', 'far', 'east']);
    expect(toLuceneQuery("Putin's visit to Japan")).toBe(
      '"putin visit to japan"^8 OR ((putin^3 OR putin* OR putin~1) AND (visit^3 OR visit* OR visit~1) AND (japan^3 OR japan* OR japan~1))',
    );
    // A query of stop words only keeps them: their prefixes still find words ("the" → "theatre").
    expect(toLuceneQuery('the')).toBe('(the^3 OR the*)');
  });
  it('rejects input with nothing to search, or too long, with a reason', () => {
    expect(() => toLuceneQuery('*** !!')).toThrow(InvalidSearchError);
    expect(() => toLuceneQuery('x'.repeat(201))).toThrow(/limit is 200/);
  });
});
