import { describe, expect, it } from 'vitest';
import type { RelationshipView, Subgraph } from '../../../explorer/src/api.js';
import { mergeSubgraphs } from '../../../explorer/src/graph-data.js';
import { overlapsYears, visibleElements, type Filters } from '../../../explorer/src/visibility.js';

const node = (key: string, type: string, dateFrom: string | null = null, dateTo: string | null = dateFrom) => ({ key, name: key, type, dateFrom, dateTo });
const edge = (id: string, from: string, to: string, type: string, validFrom: string | null = null, validTo: string | null = null): RelationshipView => ({
  id,
  type,
  from,
  to,
  validFrom,
  validTo,
  properties: {},
  citations: [],
  derived: false,
  weight: 1,
  relation: type,
  evidence: [],
});

const graph: Subgraph = {
  nodes: [node('abe', 'Person'), node('japan', 'Country'), node('summit-2016', 'Event', '2016-05-06'), node('war-1904', 'Event', '1904-02-08', '1905-09-05')],
  edges: [
    edge('e1', 'abe', 'japan', 'HOLDS_OFFICE', '2012-12-26', '2020-09-16'),
    edge('e2', 'abe', 'summit-2016', 'PARTICIPATES_IN'),
    edge('e3', 'japan', 'war-1904', 'PARTICIPATES_IN'),
  ],
};
const ALL: Filters = { types: null, rels: null, from: null, to: null };
const none = { nodes: new Set<string>(), edges: new Set<string>() };
const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

describe('what the explorer shows under its filters', () => {
  it('treats undated things as timeless and open-ended spans as running on', () => {
    expect(overlapsYears(null, null, 2016, 2016)).toBe(true);
    expect(overlapsYears('2012-12-26', null, 2016, 2016)).toBe(true);
    expect(overlapsYears(null, '2010-01-01', 2016, null)).toBe(false);
    expect(overlapsYears('1904-02-08', '1905-09-05', 1905, 1910)).toBe(true);
    expect(overlapsYears('1904-02-08', '1905-09-05', 1906, null)).toBe(false);
  });

  it('leaves undated ties out of a window when asked, and what the user hid, with its ties', () => {
    const window: Filters = { ...ALL, from: 2016, to: 2016, undated: 'hide' };
    const visible = visibleElements(graph, window, new Set(['abe']), none);
    expect(sorted(visible.edges)).toEqual(['e1']);
    expect(sorted(visible.nodes)).toEqual(['abe', 'japan']);
    // Without a window the policy changes nothing.
    expect(sorted(visibleElements(graph, { ...ALL, undated: 'hide' }, new Set(), none).edges)).toEqual(['e1', 'e2', 'e3']);
    const hidden = visibleElements(graph, { ...ALL, hidden: new Set(['japan']) }, new Set(['abe']), none);
    expect(sorted(hidden.nodes)).toEqual(['abe', 'summit-2016']);
    expect(sorted(hidden.edges)).toEqual(['e2']);
  });

  it('shows everything without filters', () => {
    const visible = visibleElements(graph, ALL, new Set(), none);
    expect(sorted(visible.nodes)).toEqual(['abe', 'japan', 'summit-2016', 'war-1904']);
    expect(sorted(visible.edges)).toEqual(['e1', 'e2', 'e3']);
  });

  it('hides entities and relationships outside the years, and entities left with nothing shown', () => {
    const visible = visibleElements(graph, { ...ALL, from: 2016, to: 2016 }, new Set(['abe']), none);
    expect(sorted(visible.nodes)).toEqual(['abe', 'japan', 'summit-2016']);
    expect(sorted(visible.edges)).toEqual(['e1', 'e2']);
    // Before Abe took office: the office relationship goes, and Japan (not expanded) with it.
    const early = visibleElements(graph, { ...ALL, from: 2000, to: 2010 }, new Set(['abe']), none);
    expect(sorted(early.nodes)).toEqual(['abe']);
  });

  it('filters by entity and relationship type; an anchor stays while its type is shown', () => {
    expect(sorted(visibleElements(graph, { ...ALL, types: new Set(['Person', 'Country']) }, new Set(), none).nodes)).toEqual(['abe', 'japan']);
    const onlyOffices = visibleElements(graph, { ...ALL, rels: new Set(['HOLDS_OFFICE']) }, new Set(['summit-2016']), none);
    expect(sorted(onlyOffices.nodes)).toEqual(['abe', 'japan', 'summit-2016']);
    expect(sorted(onlyOffices.edges)).toEqual(['e1']);
  });

  it('always shows a path that was asked for', () => {
    const pinned = { nodes: new Set(['japan', 'war-1904']), edges: new Set(['e3']) };
    const visible = visibleElements(graph, { ...ALL, types: new Set(['Person']), from: 2016 }, new Set(), pinned);
    expect(sorted(visible.nodes)).toEqual(['japan', 'war-1904']);
    expect(sorted(visible.edges)).toEqual(['e3']);
  });

  it('merges loaded subgraphs once per entity and relationship, dropping dangling relationships', () => {
    const merged = mergeSubgraphs([
      { nodes: [node('a', 'Person'), node('b', 'Country')], edges: [edge('x', 'a', 'b', 'NATIONAL_OF')] },
      { nodes: [node('b', 'Country')], edges: [edge('x', 'a', 'b', 'NATIONAL_OF'), edge('y', 'b', 'c', 'MEMBER_OF')] },
    ]);
    expect(merged.nodes.map((n) => n.key)).toEqual(['a', 'b']);
    expect(merged.edges.map((e) => e.id)).toEqual(['x']);
  });

  it('shows seed and curated facts by default, retracted ones only when asked, and each provenance can be left out', () => {
    const reviewed: Subgraph = {
      nodes: [...graph.nodes, { ...node('test-envoy', 'Person'), provenance: 'curated' }, { ...node('test-withdrawn', 'Person'), provenance: 'retracted' }],
      edges: [
        ...graph.edges,
        { ...edge('c1', 'test-envoy', 'japan', 'NATIONAL_OF'), provenance: 'curated' },
        { ...edge('r1', 'test-withdrawn', 'japan', 'NATIONAL_OF'), provenance: 'retracted' },
        { ...edge('r2', 'abe', 'japan', 'ADVISES'), provenance: 'retracted' },
      ],
    };
    const anchors = new Set(['japan']);
    const byDefault = visibleElements(reviewed, ALL, anchors, none);
    expect(sorted(byDefault.edges)).toEqual(['c1', 'e1', 'e2', 'e3']);
    expect(byDefault.nodes.has('test-withdrawn')).toBe(false);

    const all = visibleElements(reviewed, { ...ALL, origins: new Set(['seed', 'curated', 'retracted']) }, anchors, none);
    expect(sorted(all.edges)).toEqual(['c1', 'e1', 'e2', 'e3', 'r1', 'r2']);
    expect(all.nodes.has('test-withdrawn')).toBe(true);

    // Only curated facts: the seed entities at their ends are seed facts, so the curated tie goes with them.
    const curatedOnly = visibleElements(reviewed, { ...ALL, origins: new Set(['curated']) }, anchors, none);
    expect(sorted(curatedOnly.edges)).toEqual([]);
    const seedAndRetracted = visibleElements(reviewed, { ...ALL, origins: new Set(['seed', 'retracted']) }, anchors, none);
    expect(sorted(seedAndRetracted.edges)).toEqual(['e1', 'e2', 'e3', 'r1', 'r2']);
    expect(seedAndRetracted.nodes.has('test-envoy')).toBe(false);
  });
});
