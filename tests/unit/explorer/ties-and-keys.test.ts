import { describe, expect, it } from 'vitest';
import type { RelationshipView, Subgraph } from '../../../explorer/src/api.js';
import { evidenceByDocument } from '../../../explorer/src/citation-text.js';
import { hiddenTies, neighboursLeftOut } from '../../../explorer/src/graph-data.js';
import { neighbourInDirection } from '../../../explorer/src/keyboard-nav.js';
import { groupTies, shorten, tieCaption } from '../../../explorer/src/tie-groups.js';

const tie = (id: string, from: string, to: string, type: string, properties: Record<string, string> = {}): RelationshipView => ({
  id,
  type,
  from,
  to,
  validFrom: null,
  validTo: null,
  properties,
  citations: [],
  derived: false,
  weight: 1,
  relation: properties['relation'] ?? type,
  evidence: [],
});

describe('parallel ties drawn as one line', () => {
  it('groups ties of one type, one direction, between the same two entities; the line takes the first id', () => {
    const { groups, groupOf } = groupTies([
      tie('b', 'treaty', 'islands', 'AFFECTS_TERRITORY'),
      tie('a', 'treaty', 'islands', 'AFFECTS_TERRITORY'),
      tie('c', 'islands', 'treaty', 'AFFECTS_TERRITORY'),
      tie('d', 'treaty', 'islands', 'ABOUT'),
    ]);
    expect(groups.map((g) => [g.id, g.members.map((m) => m.id)])).toEqual([
      ['a', ['a', 'b']],
      ['c', ['c']],
      ['d', ['d']],
    ]);
    expect(groupOf.get('b')).toBe('a');
  });

  it('captions a line with its relation text or type, shortened at a word, and counts a group', () => {
    expect(tieCaption([tie('a', 'r', 'j', 'RELATED_TO', { relation: 'established diplomatic relations under the Treaty of Shimoda' })])).toEqual({
      short: 'established diplomatic…',
      full: 'established diplomatic relations under the Treaty of Shimoda',
    });
    expect(tieCaption([tie('a', 't', 'i', 'AFFECTS_TERRITORY'), tie('b', 't', 'i', 'AFFECTS_TERRITORY')]).short).toBe('2× affects territory');
    expect(shorten('short')).toBe('short');
    expect(shorten('x'.repeat(40))).toHaveLength(26);
  });
});

describe('what a capped neighbourhood left out', () => {
  const graph: Subgraph = {
    nodes: [],
    edges: [tie('1', 'japan', 'usa', 'ALLIED_WITH'), tie('2', 'abe', 'japan', 'HOLDS_OFFICE'), tie('3', 'abe', 'japan', 'HOLDS_OFFICE')],
    totals: new Map([['japan', [{ type: 'HOLDS_OFFICE', total: 4 }, { type: 'ALLIED_WITH', total: 1 }, { type: 'RELATED_TO', total: 9 }]]]),
    neighbourTotals: new Map([['japan', 10]]),
    omitted: new Map([['russia', 7]]),
  };

  it('lists relationship types with more than loaded, most left out first', () => {
    expect(hiddenTies(graph, 'japan')).toEqual([
      { type: 'RELATED_TO', total: 9, loaded: 0 },
      { type: 'HOLDS_OFFICE', total: 4, loaded: 2 },
    ]);
    expect(hiddenTies(graph, 'abe')).toEqual([]);
  });

  it('counts neighbours left out: the total less those loaded, or the cap of a two-step network', () => {
    expect(neighboursLeftOut(graph, 'japan')).toBe(8);
    expect(neighboursLeftOut(graph, 'russia')).toBe(7);
    expect(neighboursLeftOut(graph, 'abe')).toBe(0);
  });
});

describe('evidence grouped per document', () => {
  it('gives one entry per document, ranges sorted and merged where they touch, quotes joined', () => {
    const source = { title: 'T', authors: null, publisher: null };
    const evidence = evidenceByDocument([
      { document: 'b.txt', startLine: 9, endLine: 9, source, quote: 'nine' },
      { document: 'a.txt', startLine: 5, endLine: 6, source, quote: 'five\nsix' },
      { document: 'b.txt', startLine: 3, endLine: 4, source, quote: 'three\nfour' },
      { document: 'b.txt', startLine: 4, endLine: 5, source, quote: 'four\nfive' },
    ]);
    expect(evidence.map((e) => e.document)).toEqual(['b.txt', 'a.txt']);
    expect(evidence[0]!.ranges).toEqual([
      { startLine: 3, endLine: 5, quote: 'three\nfour\nfive' },
      { startLine: 9, endLine: 9, quote: 'nine' },
    ]);
  });
});

describe('arrow keys between neighbours', () => {
  const around = [
    { key: 'east', x: 100, y: 5 },
    { key: 'far-east', x: 300, y: 0 },
    { key: 'north', x: 0, y: -80 },
    { key: 'south-east', x: 60, y: 70 },
  ];

  it('picks the nearest neighbour that way, straight ahead first, and none when nothing lies that way', () => {
    expect(neighbourInDirection({ x: 0, y: 0 }, around, 'right')).toBe('east');
    expect(neighbourInDirection({ x: 0, y: 0 }, around, 'up')).toBe('north');
    expect(neighbourInDirection({ x: 0, y: 0 }, around, 'down')).toBe('south-east');
    expect(neighbourInDirection({ x: 0, y: 0 }, around, 'left')).toBeNull();
  });
});
