import { describe, expect, it } from 'vitest';
import { formatPageCitation, parseCitation, parsePageCitation } from '../../src/model/citation.js';
import { relationshipIdIndexStatements, matchRelationshipById } from '../../src/db/relationship-lookup.js';
import { RELATIONSHIP_TYPES } from '../../src/model/graph-model.js';
import { instant } from '../../src/schema/arguments.js';

describe('page/quote citations', () => {
  it('round-trips a page and a quote with separators in it', () => {
    const citation = { document: 'source-x.txt', page: 12, quote: 'a & b = "c" + d; 50%' };
    const stored = formatPageCitation(citation);
    expect(stored).toBe('source-x.txt#page=12&quote=a%20%26%20b%20%3D%20%22c%22%20%2B%20d%3B%2050%25');
    expect(parsePageCitation(stored)).toEqual(citation);
  });

  it('reads a page alone, a quote alone and the whole document', () => {
    expect(parsePageCitation('s.txt#page=3')).toEqual({ document: 's.txt', page: 3, quote: null });
    expect(parsePageCitation('s.txt#quote=hello%20there')).toEqual({ document: 's.txt', page: null, quote: 'hello there' });
    expect(parsePageCitation('s.txt#document')).toEqual({ document: 's.txt', page: null, quote: null });
    expect(formatPageCitation({ document: 's.txt', page: null, quote: null })).toBe('s.txt#document');
  });

  it('leaves line citations to parseCitation and rejects other text', () => {
    expect(parsePageCitation('000_c5fc82dd9b71dc87.txt:12-14')).toBeNull();
    expect(parsePageCitation('s.txt#nothing=1')).toBeNull();
    expect(typeof parseCitation('s.txt#page=3')).toBe('string');
  });
});

describe('asOf instants', () => {
  it('normalises date-times and dates to the form revisions record', () => {
    expect(instant('asOf', '2026-12-02T06:30:00+01:00')).toBe('2026-12-02T05:30:00.000Z');
    expect(instant('asOf', '2026-12-02')).toBe('2026-12-02T00:00:00.000Z');
    expect(instant('asOf', null)).toBeNull();
  });

  it('refuses what is not an ISO instant, naming the argument', () => {
    for (const bad of ['yesterday', '2026-13-45', '2026-12-02T06:30', '1701234567']) {
      expect(() => instant('asOf', bad), bad).toThrow(/Argument "asOf" is/);
    }
  });
});

describe('relationship id lookup', () => {
  it('has one id index per relationship type of the model, and asks each of them', () => {
    const statements = relationshipIdIndexStatements();
    expect(statements).toHaveLength(RELATIONSHIP_TYPES.length);
    expect(statements[0]).toBe(`CREATE INDEX relationship_id_${RELATIONSHIP_TYPES[0].toLowerCase()} IF NOT EXISTS FOR ()-[r:${RELATIONSHIP_TYPES[0]}]-() ON (r.id)`);
    const lookup = matchRelationshipById('$id');
    for (const type of RELATIONSHIP_TYPES) expect(lookup).toContain(`[r:${type} {id: $id}]`);
    expect(matchRelationshipById('id')).toMatch(/^CALL \(id\) \{/);
  });
});
