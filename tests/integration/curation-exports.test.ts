/**
 * Issue #18 item 8: exports can show a reviewer the retracted facts
 * (`includeRetracted=true`), each marked with who retracted it, when and why;
 * by default they stay out. The files still load in NetworkX and validate
 * against the GEXF XSD.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { EXPORT_FORMATS } from '../../src/export/export-formats.js';
import { isolatedCurationApi, type CurationApi } from '../support/curation-client.js';
import { download, idsOf } from '../support/export-download.js';
import { readCsv } from '../support/read-csv.js';

const GEXF_XSD = join(PROJECT_ROOT, '..', 'shared', 'specs', 'gexf-1.3', 'gexf.xsd');
const NETWORKX_LOADER = join(PROJECT_ROOT, 'tests', 'support', 'networkx_load.py');

// A Neo4j of its own: these tests change the graph, other files count the seed graph.
let api: CurationApi;
let dir = '';
let retractedTie = '';
let liveTie = '';
beforeAll(async () => {
  api = await isolatedCurationApi('curation-exports');
  dir = await mkdtemp(join(tmpdir(), 'retracted-exports-'));
  const curator = await api.key('curator', 'analyst-exports');
  const curate = async (operations: unknown[], reason: string): Promise<string[]> => {
    const response = await api.gql<{ curate: { ids: string[] } }>(
      'mutation($operations: [CurationOperationInput!]!, $reason: String) { curate(operations: $operations, reason: $reason) { ids } }',
      { operations, reason },
      curator,
    );
    expect(response.errors).toBeUndefined();
    return response.data?.curate.ids ?? [];
  };
  const cite = [{ source: 'source-000', lines: '5' }];
  const ids = await curate(
    [
      { addEntity: { id: 'test-kept-envoy', kind: 'Person', name: 'Test Kept Envoy', citations: cite } },
      { addEntity: { id: 'test-withdrawn-envoy', kind: 'Person', name: 'Test Withdrawn Envoy', citations: cite } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-kept-envoy', to: 'japan', citations: cite } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-kept-envoy', to: 'russia', citations: cite } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-withdrawn-envoy', to: 'russia', citations: cite } },
    ],
    'Test: two envoys for the export tests',
  );
  liveTie = ids[2] ?? '';
  retractedTie = ids[3] ?? '';
  await curate([{ retractRelationship: { id: retractedTie } }], 'Test: the second nationality was a misreading');
  await curate([{ retractEntity: { id: 'test-withdrawn-envoy' } }], 'Test: the envoy does not exist');
}, 240_000);
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

type Values = Record<string, unknown>;
interface NodeLink {
  graph: { description: string };
  nodes: ({ id: string } & Values)[];
  edges: ({ key: string; source: string; target: string } & Values)[];
}

async function nodeLink(query: string): Promise<NodeLink> {
  const res = await download(api.app, `/export/node-link${query}`);
  expect(res.status, query).toBe(200);
  return JSON.parse(res.text) as NodeLink;
}

describe('exports with includeRetracted', () => {
  it('leave retracted facts out by default and show them marked, with who, when and why, when asked', async () => {
    const plain = await nodeLink('');
    expect(plain.nodes.some((n) => n.id === 'test-withdrawn-envoy')).toBe(false);
    expect(plain.edges.some((e) => e.key === retractedTie)).toBe(false);
    expect(plain.nodes.find((n) => n.id === 'test-kept-envoy')).not.toHaveProperty('retracted');

    const withRetracted = await nodeLink('?includeRetracted=true');
    expect(withRetracted.graph.description).toContain('retracted facts included');
    const envoy = withRetracted.nodes.find((n) => n.id === 'test-withdrawn-envoy');
    expect(envoy).toMatchObject({ label: 'Test Withdrawn Envoy', type: 'Person', origin: 'curated', retracted: true, retractedReason: 'Test: the envoy does not exist' });
    expect(envoy?.['retractedBy']).toMatch(/^key:/);
    expect(Date.parse(String(envoy?.['retractedAt']))).toBeGreaterThan(Date.now() - 600_000);
    expect(withRetracted.nodes.find((n) => n.id === 'test-kept-envoy')).toMatchObject({ retracted: false });
    expect(withRetracted.nodes.find((n) => n.id === 'japan')).toMatchObject({ retracted: false, origin: 'seed' });

    // The relationship retracted on its own, and the one that went with its entity.
    const tie = withRetracted.edges.find((e) => e.key === retractedTie);
    expect(tie).toMatchObject({ source: 'test-kept-envoy', target: 'russia', relationshipType: 'NATIONAL_OF', retracted: true, retractedReason: 'Test: the second nationality was a misreading' });
    const cascaded = withRetracted.edges.find((e) => e.source === 'test-withdrawn-envoy');
    expect(cascaded).toMatchObject({ target: 'russia', retracted: true, retractedWith: 'test-withdrawn-envoy' });
    expect(withRetracted.edges.find((e) => e.key === liveTie)).toMatchObject({ retracted: false });

    // Everything else is the same graph.
    expect(withRetracted.nodes.length).toBe(plain.nodes.length + 1);
    expect(withRetracted.edges.length).toBe(plain.edges.length + 2);
  });

  it('combines with the other filters: kinds, relationship types, origin and an ego network', async () => {
    const people = await nodeLink('?includeRetracted=true&types=Person,Country&relationshipTypes=NATIONAL_OF&origin=curated');
    expect(people.nodes.map((n) => n.id).sort()).toEqual(['test-kept-envoy', 'test-withdrawn-envoy']);
    const places = await nodeLink('?includeRetracted=true&types=Place');
    expect(places.nodes.some((n) => n.id === 'test-withdrawn-envoy')).toBe(false);
    // The walk follows live ties only: Russia is one hop away through the retracted tie, two through Japan.
    const near = await nodeLink('?includeRetracted=true&id=test-kept-envoy&depth=1');
    expect(near.nodes.map((n) => n.id).sort()).toEqual(['japan', 'test-kept-envoy']);
    const ego = await nodeLink('?includeRetracted=true&id=test-kept-envoy&depth=2');
    expect(ego.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['test-kept-envoy', 'japan', 'russia']));
    expect(ego.edges.find((e) => e.key === retractedTie)).toMatchObject({ retracted: true });
  });

  it('marks the retracted facts in every format, gives them their own file name and ETag', async () => {
    for (const format of EXPORT_FORMATS) {
      const res = await download(api.app, `/export/${format}?includeRetracted=true`);
      expect(res.status, format).toBe(200);
      const ids = idsOf(format, res.text);
      if (format !== 'csv-edges') expect(ids.nodes, format).toContain('test-withdrawn-envoy');
      if (format !== 'csv-nodes') expect(ids.edges, format).toContain(retractedTie);
      expect(res.disposition, format).toContain('-with-retracted');
    }
    const edges = readCsv((await download(api.app, '/export/csv-edges?includeRetracted=true')).text);
    expect(edges.header).toEqual(expect.arrayContaining(['retracted', 'retractedAt', 'retractedBy', 'retractedReason']));
    expect(edges.rows.find((r) => r['Id'] === retractedTie)?.['retracted']).toBe('true');
    expect(edges.rows.find((r) => r['Id'] === liveTie)?.['retracted']).toBe('false');
    const plainCsv = readCsv((await download(api.app, '/export/csv-edges')).text);
    expect(plainCsv.header).not.toContain('retracted');

    const etag = async (query: string): Promise<string | null> => (await api.app.fetch(`http://localhost/export/graphml${query}`)).headers.get('etag');
    const [plain, included] = [await etag(''), await etag('?includeRetracted=true')];
    expect(plain).toBeTruthy();
    expect(included).toBeTruthy();
    expect(included).not.toBe(plain);
    const revalidated = await api.app.fetch('http://localhost/export/graphml?includeRetracted=true', { headers: { 'if-none-match': included ?? '' } });
    expect(revalidated.status).toBe(304);
    const other = await api.app.fetch('http://localhost/export/graphml', { headers: { 'if-none-match': included ?? '' } });
    expect(other.status).toBe(200);
  });

  it('still validates against the GEXF 1.3 XSD and loads in NetworkX, retracted facts marked', async () => {
    const save = async (path: string, name: string): Promise<string> => {
      const res = await download(api.app, path);
      expect(res.status, path).toBe(200);
      const file = join(dir, name);
      await writeFile(file, res.text);
      return file;
    };
    for (const [name, query] of [['static', '?includeRetracted=true'], ['dynamic', '?includeRetracted=true&dynamic=true']] as const) {
      const file = await save(`/export/gexf${query}`, `retracted-${name}.gexf`);
      const result = spawnSync('xmllint', ['--noout', '--schema', GEXF_XSD, file], { encoding: 'utf8' });
      expect(result.error, 'xmllint must be installed (Debian package libxml2-utils)').toBeUndefined();
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
    }
    for (const kind of ['graphml', 'gexf'] as const) {
      const file = await save(`/export/${kind}?includeRetracted=true`, `retracted.${kind}`);
      const view = JSON.parse(execFileSync('python3', [NETWORKX_LOADER, kind, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
        nodes: Record<string, Values>;
        edges: [string, string, string | null, Values][];
      };
      expect(view.nodes['test-withdrawn-envoy']?.['retracted'], kind).toBe(true);
      expect(view.nodes['test-kept-envoy']?.['retracted'], kind).toBe(false);
      const tie = view.edges.find(([, , , data]) => data['relationshipId'] === retractedTie);
      expect(tie?.slice(0, 2), kind).toEqual(['test-kept-envoy', 'russia']);
      expect(tie?.[3]['retracted'], kind).toBe(true);
      expect(tie?.[3]['retractedReason'], kind).toBe('Test: the second nationality was a misreading');
    }
  }, 120_000);

  it('gives the retracted facts at some entities through GraphQL (retractedFacts), with who, when and why', async () => {
    type Facts = {
      retractedFacts: {
        entities: { key: string; name: string; type: string; origin: string; retraction: { reason: string; by: string } }[];
        relationships: { id: string; type: string; fromKey: string; toKey: string; retraction: { reason: string; withEntity: string | null } }[];
      };
    };
    const r = await api.gql<Facts>(`{ retractedFacts(around: ["test-kept-envoy", "russia"]) {
      entities { key name type origin retraction { reason by } }
      relationships { id type fromKey toKey retraction { reason withEntity } } } }`);
    expect(r.errors).toBeUndefined();
    const entities = r.data?.retractedFacts.entities ?? [];
    expect(entities.map((e) => ({ ...e, retraction: { ...e.retraction, by: e.retraction.by.startsWith('key:') } }))).toEqual([
      { key: 'test-withdrawn-envoy', name: 'Test Withdrawn Envoy', type: 'Person', origin: 'CURATED', retraction: { reason: 'Test: the envoy does not exist', by: true } },
    ]);
    const relationships = r.data?.retractedFacts.relationships ?? [];
    expect(relationships.find((x) => x.id === retractedTie)).toEqual({
      id: retractedTie, type: 'NATIONAL_OF', fromKey: 'test-kept-envoy', toKey: 'russia', retraction: { reason: 'Test: the second nationality was a misreading', withEntity: null },
    });
    expect(relationships.find((x) => x.fromKey === 'test-withdrawn-envoy')?.retraction.withEntity).toBe('test-withdrawn-envoy');
    // Live facts are not among them, and a live entity's ordinary reads still leave the retracted ones out.
    expect(relationships.some((x) => x.id === liveTie)).toBe(false);
    const bad = await api.gql('{ retractedFacts(around: ["Not a key!"]) { entities { key } } }');
    expect(bad.errors?.[0]?.message).toContain('Argument "around[0]"');
  });

  it('refuses includeRetracted where it has no meaning, naming the parameter', async () => {
    for (const [query, message] of [
      ['?includeRetracted=maybe', '"includeRetracted" is "maybe"; use true or false'],
      ['?includeRetracted=true&metrics=true', 'cannot be combined with "metrics"'],
      ['?includeRetracted=true&projection=actors', 'applies to the full graph'],
      ['?origin=retracted', 'includeRetracted=true'],
    ] as const) {
      const res = await download(api.app, `/export/graphml${query}`);
      expect(res.status, query).toBe(400);
      const body = JSON.parse(res.text) as { error: { code: string; parameter: string; message: string } };
      expect(body.error.code).toBe('BAD_EXPORT_PARAMETER');
      expect(body.error.message, query).toContain(message);
    }
  });
});
