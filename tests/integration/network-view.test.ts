import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { download } from '../support/export-download.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
const NETWORKX_METRICS = join(PROJECT_ROOT, 'tests', 'support', 'networkx_metrics.py');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'network-'));
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

const EVIDENCE = ['Statement', 'Observation', 'Source'];
const ACTORS = ['Person', 'Country', 'InternationalOrganization', 'PublicBody', 'Company', 'Organization'];

interface NetworkxMetrics {
  directed: boolean;
  multigraph: boolean;
  nodes: number;
  edges: number;
  edgeIds: string[];
  metrics: Record<string, { degree: number; betweenness: number; pagerank: number }>;
  stored: Record<string, { degree?: number; betweenness?: number; pagerank?: number; type?: string }>;
}

async function save(path: string, name: string): Promise<string> {
  const res = await download(api.app, path);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  const file = join(dir, name);
  await writeFile(file, res.text);
  return file;
}

function networkx(kind: 'graphml' | 'cytoscape', file: string): NetworkxMetrics {
  return JSON.parse(execFileSync('python3', [NETWORKX_METRICS, kind, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as NetworkxMetrics;
}

describe('neighbourhoods that say what they left out', () => {
  it('keeps Russia in Japan\'s neighbourhood, and counts what the cap left out', async () => {
    const res = await api.gql<{
      neighborhood: { totalCount: number; omitted: number; truncated: boolean; nodes: { key: string; type: string }[]; ties: { derived: boolean; weight: number; evidence: { entity: { type: string } }[] }[] };
    }>(`{ neighborhood(id: "japan", limit: 10) { totalCount omitted truncated nodes { key type } ties { derived weight evidence { entity { type } } } } }`);
    expect(res.errors).toBeUndefined();
    const n = res.data!.neighborhood;
    expect(n.nodes.map((x) => x.key)).toContain('russia');
    expect(n.nodes).toHaveLength(11);
    expect(n.truncated).toBe(true);
    expect(n.omitted).toBe(n.totalCount - 10);
    // Evidence is folded into ties by default, not drawn as nodes.
    for (const node of n.nodes) expect(EVIDENCE).not.toContain(node.type);
    const derived = n.ties.filter((t) => t.derived);
    expect(derived.length).toBeGreaterThan(0);
    for (const t of derived) expect(t.evidence).toHaveLength(t.weight);
  });

  it('shows the evidence layer when asked, and reports nothing omitted when nothing was', async () => {
    const all = await api.gql<{ neighborhood: { totalCount: number; omitted: number; truncated: boolean; nodes: { type: string }[] } }>(
      `{ neighborhood(id: "mitsui", layers: [ACTORS, CONTEXT, EVIDENCE], limit: 100) { totalCount omitted truncated nodes { type } } }`,
    );
    expect(all.errors).toBeUndefined();
    const n = all.data!.neighborhood;
    expect(n.truncated).toBe(false);
    expect(n.omitted).toBe(0);
    expect(n.nodes).toHaveLength(n.totalCount + 1);
  });

  it('reports the cap on subgraph too', async () => {
    const res = await api.gql<{ subgraph: { totalCount: number; omitted: number; truncated: boolean; nodes: unknown[] } }>(
      `{ subgraph(types: [Person], limit: 5) { totalCount omitted truncated nodes { key } } }`,
    );
    expect(res.errors).toBeUndefined();
    const s = res.data!.subgraph;
    expect(s.nodes).toHaveLength(5);
    expect(s.totalCount).toBeGreaterThan(5);
    expect(s.omitted).toBe(s.totalCount - 5);
    expect(s.truncated).toBe(true);
  });
});

describe('the actor network', () => {
  it('ties actors through events, treaties and statements, each derived tie with its evidence, weight and dates', async () => {
    const res = await api.gql<{
      network: {
        layers: string[];
        totalCount: number;
        nodes: { key: string; type: string }[];
        ties: { kind: string; derived: boolean; weight: number; from: { key: string }; to: { key: string }; firstDate: string | null; evidence: { entity: { key: string; type: string } }[]; citations: { reference: string }[] }[];
      };
    }>(`{ network(maxNodes: 200) { layers totalCount nodes { key type } ties { kind derived weight from { key } to { key } firstDate evidence { entity { key type } } citations { reference } } } }`);
    expect(res.errors).toBeUndefined();
    const net = res.data!.network;
    expect(net.layers).toEqual(['ACTORS']);
    for (const node of net.nodes) expect(ACTORS).toContain(node.type);
    const abePutin = net.ties.filter((t) => t.derived && t.from.key === 'shinzo-abe' && t.to.key === 'vladimir-putin');
    const event = abePutin.find((t) => t.kind === 'SHARED_EVENT');
    expect(event, 'Abe and Putin met at summits').toBeDefined();
    expect(event!.weight).toBeGreaterThanOrEqual(2);
    expect(event!.evidence).toHaveLength(event!.weight);
    expect(event!.evidence.map((e) => e.entity.type)).toEqual(event!.evidence.map(() => 'Event'));
    expect(event!.firstDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const t of net.ties) expect(t.citations.length).toBeGreaterThan(0);
  });

  it('keeps a treaty\'s tie alive from its signing on, and drops undated ties from a window only when asked', async () => {
    const q = (args: string) =>
      api.gql<{ network: { ties: { kind: string; from: { key: string }; to: { key: string }; firstDate: string | null; lastDate: string | null }[] } }>(
        `{ network(${args}, maxNodes: 200) { ties { kind from { key } to { key } firstDate lastDate } } }`,
      );
    const windowed = await q('from: "2014", undated: EXCLUDE');
    expect(windowed.errors).toBeUndefined();
    const ties = windowed.data!.network.ties;
    for (const t of ties) expect(t.firstDate ?? t.lastDate).not.toBeNull();
    const declaration = ties.find((t) => t.kind === 'SHARED_TREATY' && [t.from.key, t.to.key].includes('japan') && [t.from.key, t.to.key].includes('soviet-union'));
    expect(declaration, 'the 1956 Joint Declaration still ties Japan and the Soviet Union in 2014+').toBeDefined();
    expect(declaration!.firstDate! < '2014-01-01').toBe(true);
    const included = await q('from: "2014"');
    expect(included.data!.network.ties.length).toBeGreaterThan(ties.length);
  });
});

describe('network exports', () => {
  it('keeps evidence out of the actor network\'s betweenness top 10, and NetworkX computes the same metrics from the file', async () => {
    const file = await save('/export/graphml?projection=actors&metrics=true', 'actors.graphml');
    const nx = networkx('graphml', file);
    expect(nx.directed).toBe(false);
    const top = Object.entries(nx.stored)
      .sort(([, a], [, b]) => (b.betweenness ?? 0) - (a.betweenness ?? 0))
      .slice(0, 10);
    for (const [, node] of top) expect([...EVIDENCE, undefined]).not.toContain(node.type);
    expect(top.map(([id]) => id)).toContain('russia');
    for (const [id, mine] of Object.entries(nx.stored)) {
      const theirs = nx.metrics[id]!;
      expect(mine.degree, id).toBe(theirs.degree);
      expect(mine.betweenness!, id).toBeCloseTo(theirs.betweenness, 6);
      expect(mine.pagerank!, id).toBeCloseTo(theirs.pagerank, 4);
    }
    // Relationship ids survive as data, not only as XML edge ids.
    expect(nx.edgeIds.some((id) => id.startsWith('SHARED_EVENT:'))).toBe(true);
  }, 120_000);

  it('writes Cytoscape JSON that networkx.cytoscape_graph loads with every node and edge', async () => {
    const res = await download(api.app, '/export/cytoscape?projection=actors');
    const json = JSON.parse(res.text) as { directed: boolean; multigraph: boolean; elements: { nodes: unknown[]; edges: unknown[] } };
    expect(json.directed).toBe(false);
    expect(json.multigraph).toBe(true);
    const file = join(dir, 'actors.cyjs');
    await writeFile(file, res.text);
    const nx = networkx('cytoscape', file);
    expect(nx.nodes).toBe(json.elements.nodes.length);
    expect(nx.edges).toBe(json.elements.edges.length);
    const full = await save('/export/cytoscape', 'full.cyjs');
    const whole = networkx('cytoscape', full);
    expect(whole.directed).toBe(true);
    const [count] = await api.db.read('test-count', 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges');
    expect(whole.edges).toBe(Number(count!['edges']));
  }, 120_000);

  it('carries each tie\'s time in the dynamic GEXF of the projection: a treaty from its signing on, open-ended', async () => {
    const file = await save('/export/gexf?projection=actors&dynamic=true', 'actors-dynamic.gexf');
    const xsd = join(PROJECT_ROOT, '..', 'shared', 'specs', 'gexf-1.3', 'gexf.xsd');
    const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    expect(lint.error, 'xmllint must be installed (Debian package libxml2-utils)').toBeUndefined();
    expect(lint.status, lint.stderr).toBe(0);
    const text = (await download(api.app, '/export/gexf?projection=actors&dynamic=true')).text;
    const edge = /<edge id="SHARED_TREATY:japan:soviet-union"[^>]*>/.exec(text)?.[0];
    expect(edge, 'the 1956 Joint Declaration ties Japan and the Soviet Union').toBeDefined();
    expect(edge).toMatch(/ start="1956-\d{2}-\d{2}"/);
    expect(edge).not.toMatch(/ end="/);
    expect(text).toContain('graph defaultedgetype="undirected" mode="dynamic"');
  }, 120_000);

  it('refuses an unknown projection by name', async () => {
    const res = await download(api.app, '/export/graphml?projection=layers:actors,gossip');
    expect(res.status).toBe(400);
    expect(res.text).toContain('projection');
  });
});
