import { describe, expect, it } from 'vitest';
import type { EntityRecord, RelationshipRecord } from '../../src/db/records.js';
import type { EntityLabel, RelationshipType } from '../../src/model/graph-model.js';
import { derivedTies, directTies, tieInWindow } from '../../src/network/derive-ties.js';
import { findRoutes } from '../../src/network/path-finder.js';
import { defaultTieCost, hubPenalty } from '../../src/network/tie-costs.js';

let next = 0;
function rel(type: RelationshipType, from: string, to: string, props: Record<string, unknown> = {}): RelationshipRecord {
  next += 1;
  return { id: `r${next}`, type, from, to, citations: [`doc.txt:${next}`], props };
}
function entity(key: string, label: EntityLabel, dateFrom: string | null = null, props: Record<string, unknown> = {}): EntityRecord {
  return { key, label, name: key, aliases: [], aliasUsedBy: [], description: null, citations: [], dateFrom, dateTo: dateFrom, props };
}

describe('k best routes (Yen over hop-bounded Bellman–Ford)', () => {
  // a—b—d, a—c—d, a—d (generic), a—e—f—d
  const ties = directTies([
    rel('RELATED_TO', 'a', 'd'),
    rel('OWNS', 'a', 'b'),
    rel('OWNS', 'b', 'd'),
    rel('PARTY_TO', 'a', 'c'),
    rel('PARTY_TO', 'd', 'c'),
    rel('OWNS', 'a', 'e'),
    rel('OWNS', 'e', 'f'),
    rel('OWNS', 'f', 'd'),
  ]);
  const query = {
    from: 'a',
    to: 'd',
    k: 4,
    maxHops: 4,
    minHops: 1,
    via: [],
    tieCost: (t: (typeof ties)[number]) => defaultTieCost(t.kind),
    nodeCost: (key: string) => (key === 'c' ? 0.5 : 0),
  };

  it('returns distinct simple routes in cost order', () => {
    const routes = findRoutes(ties, query);
    expect(routes.map((r) => r.nodes.join(''))).toEqual(['abd', 'acd', 'aefd', 'ad']);
    expect(routes.map((r) => r.cost)).toEqual([2, 2.5, 3, 4]);
    for (const r of routes) expect(new Set(r.nodes).size).toBe(r.nodes.length);
  });

  it('honours maxHops, minHops and via', () => {
    expect(findRoutes(ties, { ...query, maxHops: 2 }).map((r) => r.nodes.join(''))).toEqual(['abd', 'acd', 'ad']);
    expect(findRoutes(ties, { ...query, minHops: 3 }).map((r) => r.nodes.join(''))).toEqual(['aefd']);
    expect(findRoutes(ties, { ...query, via: ['c'] }).map((r) => r.nodes.join(''))).toEqual(['acd']);
  });

  it('finds nothing when the ends are not connected within maxHops', () => {
    expect(findRoutes(ties, { ...query, to: 'zz' })).toEqual([]);
    expect(findRoutes(ties, { ...query, maxHops: 1, minHops: 2 })).toEqual([]);
  });

  it('charges hubs by the log of their degree', () => {
    expect(hubPenalty(0)).toBe(0);
    expect(hubPenalty(255)).toBeCloseTo(4);
    expect(hubPenalty(255, 0)).toBe(0);
  });
});

describe('ties derived through hidden nodes', () => {
  const summit = entity('summit', 'Event', '2016-05-06');
  const treaty = entity('declaration-1956', 'Treaty', '1956-10-19');
  const statement = entity('statement-1', 'Statement', '2016-12-15');
  const hidden = [
    { entity: summit, links: [{ relationship: rel('PARTICIPATES_IN', 'abe', 'summit'), other: 'abe' }, { relationship: rel('PARTICIPATES_IN', 'putin', 'summit'), other: 'putin' }] },
    {
      entity: treaty,
      links: [{ relationship: rel('PARTY_TO', 'japan', 'declaration-1956'), other: 'japan' }, { relationship: rel('PARTY_TO', 'ussr', 'declaration-1956'), other: 'ussr' }],
    },
    {
      entity: statement,
      links: [{ relationship: rel('STATED', 'putin', 'statement-1'), other: 'putin' }, { relationship: rel('ABOUT', 'statement-1', 'abe'), other: 'abe' }],
    },
  ];

  it('ties each pair once per kind, with weight, evidence, citations and dates', () => {
    const ties = derivedTies(hidden);
    expect(ties.map((t) => t.id)).toEqual(['SHARED_EVENT:abe:putin', 'SHARED_TREATY:japan:ussr', 'STATEMENT:abe:putin']);
    const event = ties[0]!;
    expect(event).toMatchObject({ derived: true, weight: 1, from: 'abe', to: 'putin', firstDate: '2016-05-06', lastDate: '2016-05-06' });
    expect(event.evidence[0]!.entity.key).toBe('summit');
    expect(event.evidence[0]!.relationships.map((r) => r.type)).toEqual(['PARTICIPATES_IN', 'PARTICIPATES_IN']);
    expect(event.citations).toHaveLength(2);
  });

  it('keeps a treaty open from its signing on, so later windows still see it', () => {
    const treatyTie = derivedTies(hidden).find((t) => t.kind === 'SHARED_TREATY')!;
    expect(treatyTie.firstDate).toBe('1956-10-19');
    expect(treatyTie.lastDate).toBeNull();
    expect(tieInWindow(treatyTie, '2014-01-01', '2018-12-31', 'exclude')).toBe(true);
    expect(tieInWindow(treatyTie, '1900-01-01', '1950-12-31', 'include')).toBe(false);
  });

  it('drops undated ties from a window only when asked to', () => {
    const [undated] = directTies([rel('OWNS', 'x', 'y')]);
    expect(tieInWindow(undated!, '2016-01-01', '2016-12-31', 'include')).toBe(true);
    expect(tieInWindow(undated!, '2016-01-01', '2016-12-31', 'exclude')).toBe(false);
  });
});
