import { describe, expect, it } from 'vitest';
import { authorList, dateSpan, lineRange } from '../../../explorer/src/citation-text.js';
import { toGraphML } from '../../../explorer/src/graphml.js';

describe('GraphML export of the view', () => {
  it('writes nodes and edges with their attributes, escaped', () => {
    const xml = toGraphML(
      [
        { key: 'mitsui', name: 'Mitsui & Co. <Japan>', type: 'Company', dateFrom: null, dateTo: null },
        { key: 'japan', name: 'Japan', type: 'Country', dateFrom: null, dateTo: null },
      ],
      [
        {
          id: '60acac142b72ac05',
          type: 'BASED_IN',
          from: 'mitsui',
          to: 'japan',
          validFrom: null,
          validTo: null,
          properties: {},
          citations: [{ document: '001_a.txt', startLine: 12, endLine: 14, source: null }],
          derived: false,
          weight: 1,
          relation: 'An organisation is based in a place.',
          evidence: [],
        },
      ],
    );
    expect(xml).toContain('<node id="mitsui">');
    expect(xml).toContain('<data key="n_name">Mitsui &amp; Co. &lt;Japan&gt;</data>');
    expect(xml).toContain('<edge id="60acac142b72ac05" source="mitsui" target="japan">');
    expect(xml).toContain('<data key="e_citations">001_a.txt:12-14</data>');
    expect(xml).not.toContain('e_validFrom">');
  });
});

describe('citation and date text', () => {
  const citation = { document: 'a.txt', startLine: 3, endLine: 5, source: { title: 'T', authors: ['Bart Gaens', 'Marcin Kaczmarek'], publisher: null } };
  it('reads line ranges and authors as a person would write them', () => {
    expect(lineRange(citation)).toBe('lines 3–5');
    expect(lineRange({ ...citation, endLine: 3 })).toBe('line 3');
    expect(authorList(citation)).toBe('Bart Gaens, Marcin Kaczmarek');
    expect(authorList({ ...citation, source: null })).toBeNull();
  });
  it('shows dates at the precision they were stated', () => {
    expect(dateSpan('2016-01-01', '2016-12-31')).toBe('2016');
    expect(dateSpan('1804-01-01', '1805-12-31')).toBe('1804 – 1805');
    expect(dateSpan('2018-09-01', '2018-09-30')).toBe('2018-09');
    expect(dateSpan('2016-02-01', '2016-02-29')).toBe('2016-02');
    expect(dateSpan('2016-12-15', '2016-12-16')).toBe('2016-12-15 – 2016-12-16');
    expect(dateSpan('2012-12-26', null)).toBe('from 2012-12-26');
    expect(dateSpan(null, '2010')).toBe('until 2010');
    expect(dateSpan(null, null)).toBeNull();
  });
});
