import { describe, expect, it } from 'vitest';
import { checkGraphShape, isolatedEntities, likelyDuplicates, normaliseName } from '../../src/seed/graph-shape.js';
import { readDistinctDeclarations } from '../../src/seed/distinct-entities.js';
import { buildSeedReport, formatSeedReport } from '../../src/seed/seed-report.js';
import type { RawSeedFile } from '../../src/seed/read-seed-files.js';
import type { SeedEntity, SeedGraph, SeedRelationship } from '../../src/seed/seed-graph.js';

const entity = (id: string, label: SeedEntity['label'], name: string, extra: Partial<SeedEntity> = {}): SeedEntity => ({
  id,
  label,
  name,
  aliases: [],
  mentions: [],
  description: undefined,
  properties: {},
  citations: ['a.txt:1'],
  ...extra,
});
const rel = (type: SeedRelationship['type'], from: string, to: string, citations = ['a.txt:1'], properties = {}): SeedRelationship => ({
  id: `${from}-${type}-${to}`,
  type,
  from,
  to,
  properties,
  citations,
});

const graph: SeedGraph = {
  entities: [
    entity('russia', 'Country', 'Russia'),
    entity('japan', 'Country', 'Japan'),
    entity('far-east', 'Place', 'Russian Far East'),
    entity('fefd', 'Place', 'Far Eastern Federal District', { aliases: [{ name: 'the Russian far-east' }] }),
    entity('lonely-strait', 'Place', 'Lonely Strait'),
    entity('summit', 'Event', 'Summit', { properties: { date: '2016-05' } }),
    entity('war', 'Event', 'War'),
    entity('stmt', 'Statement', 'Something said'),
  ],
  relationships: [
    rel('PART_OF', 'far-east', 'russia'),
    rel('PART_OF', 'fefd', 'russia', ['a.txt:2', 'b.txt:5']),
    rel('PARTICIPATES_IN', 'japan', 'summit', ['a.txt:1', 'a.txt:3']),
    rel('RELATED_TO', 'war', 'japan', ['b.txt:4'], { relation: 'fought by' }),
    rel('ABOUT', 'stmt', 'summit'),
  ],
};

describe('graph shape checks', () => {
  it('normalises names for comparison: case, punctuation, diacritics, a leading "the"', () => {
    expect(normaliseName('The Russian Far-East')).toBe('russian far east');
    expect(normaliseName('Shinzō Abe')).toBe(normaliseName('shinzo abe'));
  });

  it('finds entities that no relationship touches', () => {
    expect(isolatedEntities(graph).map((e) => e.id)).toEqual(['lonely-strait']);
  });

  it('pairs entities that share a normalised name or alias', () => {
    expect(likelyDuplicates(graph, [])).toEqual([{ ids: ['far-east', 'fefd'], sharedName: 'russian far east' }]);
  });

  it('fails on isolated nodes and unexplained duplicates, and accepts a declared distinct pair with its reason', () => {
    const undeclared = checkGraphShape(graph, []).map((p) => p.message);
    expect(undeclared).toHaveLength(2);
    expect(undeclared[0]).toMatch(/isolated entity/);
    expect(undeclared[1]).toMatch(/likely duplicate: both go by "russian far east"/);

    const files: RawSeedFile[] = [{ file: 'x.yaml', content: { distinct: [{ ids: ['fefd', 'far-east'], reason: 'a federal district is wider than the region' }] } }];
    expect(checkGraphShape(graph, files).map((p) => p.message)).toEqual([expect.stringMatching(/isolated entity/)]);
  });

  it('rejects a distinct entry without a reason or naming an unknown entity', () => {
    const files: RawSeedFile[] = [
      { file: 'x.yaml', content: { distinct: [{ ids: ['fefd', 'far-east'] }, { ids: ['fefd', 'nowhere'], reason: 'r' }, 'junk'] } },
    ];
    const { problems } = readDistinctDeclarations(files);
    expect(problems.map((p) => p.message)).toEqual([
      'distinct pair fefd / far-east needs a "reason"',
      '"ids" must name two different entity ids',
    ]);
    expect(checkGraphShape(graph, files).map((p) => p.message)).toContain('distinct pair names unknown entity "nowhere"');
  });
});

describe('seed report', () => {
  const report = buildSeedReport(graph, []);

  it('counts per kind and per relationship type, with every model type listed', () => {
    expect(report.entitiesByLabel['Place']).toBe(3);
    expect(report.entitiesByLabel['Company']).toBe(0);
    expect(report.relationshipsByType['PART_OF']).toBe(2);
    expect(report.relationshipsByType['HELD_DURING']).toBe(0);
  });

  it('lists undated events, generic ties per document and isolated nodes', () => {
    expect(report.undated.Event).toEqual(['war']);
    expect(report.genericTies).toEqual([{ from: 'war', to: 'japan', relation: 'fought by', documents: ['b.txt'] }]);
    expect(report.genericTiesByDocument).toEqual({ 'b.t': 1 });
    expect(report.isolated).toEqual(['lonely-strait']);
  });

  it('tells facts cited once from facts cited several times or from several documents', () => {
    expect(report.relationshipCitations).toEqual({ oneCitation: 3, severalCitationsOneDocument: 1, severalDocuments: 1 });
  });

  it('measures claim nodes and statements tied to no actor', () => {
    expect(report.claimNodes.count).toBe(1);
    expect(report.statementsWithoutSpeaker).toEqual(['stmt']);
    expect(report.claimsAboutNoActor).toEqual(['stmt']);
    const text = formatSeedReport(report);
    expect(text).toContain('## Isolated nodes (1)');
    expect(text).toContain('far-east / fefd share "russian far east" UNEXPLAINED');
  });
});
