import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { download } from '../support/export-download.js';
import { createTestApp } from '../support/test-app.js';

// The official GEXF 1.3 schema lives beside the project (../shared/specs), like the seed documents.
const GEXF_XSD = join(PROJECT_ROOT, '..', 'shared', 'specs', 'gexf-1.3', 'gexf.xsd');
const NETWORKX_LOADER = join(PROJECT_ROOT, 'tests', 'support', 'networkx_load.py');

const api = createTestApp();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exports-'));
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

/** Downloads an export through the app into a file, as a user would, and returns the file's path. */
async function save(path: string, name: string): Promise<string> {
  const res = await download(api.app, path);
  expect(res.status, path).toBe(200);
  const file = join(dir, name);
  await writeFile(file, res.text);
  return file;
}

interface NetworkxView {
  networkx: string;
  directed: boolean;
  multigraph: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, string | null, Record<string, unknown>][];
}

function loadWithNetworkx(kind: 'graphml' | 'gexf' | 'node-link', file: string): NetworkxView {
  const out = execFileSync('python3', [NETWORKX_LOADER, kind, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as NetworkxView;
}

describe('GEXF against the official 1.3 XSD (xmllint)', () => {
  for (const [name, query] of [
    ['static', ''],
    ['dynamic', '?dynamic=true'],
    ['dynamic with metrics and filters', '?dynamic=true&metrics=true&types=Person,Country,Event&from=2014'],
  ] as const) {
    it(`validates the ${name} export`, async () => {
      const file = await save(`/export/gexf${query}`, `graph-${name.replace(/\W+/g, '-')}.gexf`);
      const result = spawnSync('xmllint', ['--noout', '--schema', GEXF_XSD, file], { encoding: 'utf8' });
      expect(result.error, 'xmllint must be installed (Debian package libxml2-utils)').toBeUndefined();
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
    }, 180_000);
  }
});

describe('loading the exports with NetworkX', () => {
  it('reads GraphML, GEXF (static and dynamic) and node-link JSON with the database\'s nodes, edges and attributes', async () => {
    const [expected] = await api.db.read(
      'test-networkx-expected',
      `CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
       CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges }
       CALL { MATCH (:Entity {id: 'russia'})-[r]-(:Entity) RETURN count(r) AS russiaDegree }
       MATCH (v:Entity {id: 'putin-visit-japan-2016-12'})
       MATCH (:Entity {id: 'vladimir-putin'})-[office:HOLDS_OFFICE {start: '2012'}]->(:Entity {id: 'russia'})
       RETURN nodes, edges, russiaDegree, v.name AS visitName, v.date AS visitDate, v.dateFrom AS visitFrom,
              office.id AS officeId, office.citations AS officeCitations, office.validFrom AS officeFrom`,
    );
    const db = expected!;
    const files = {
      // One edge per stored relationship: GEXF and GraphML merge parallel ones unless asked to keep them.
      graphml: await save('/export/graphml?metrics=true&parallel=keep', 'graph.graphml'),
      gexf: await save('/export/gexf?metrics=true&parallel=keep', 'graph.gexf'),
      dynamic: await save('/export/gexf?dynamic=true&metrics=true&parallel=keep', 'graph-dynamic.gexf'),
      nodeLink: await save('/export/node-link?metrics=true', 'graph.node-link.json'),
    };
    const views = {
      graphml: loadWithNetworkx('graphml', files.graphml),
      gexf: loadWithNetworkx('gexf', files.gexf),
      dynamic: loadWithNetworkx('gexf', files.dynamic),
      nodeLink: loadWithNetworkx('node-link', files.nodeLink),
    };
    let pagerank: unknown;
    for (const [name, view] of Object.entries(views)) {
      expect(view.networkx, 'NetworkX >= 3.6').toMatch(/^(3\.(6|7|8|9|\d\d)|[4-9])/);
      expect(view.directed, name).toBe(true);
      expect(view.multigraph, name).toBe(true); // parallel edges are kept
      expect(Object.keys(view.nodes), name).toHaveLength(Number(db['nodes']));
      expect(view.edges, name).toHaveLength(Number(db['edges']));

      const visit = view.nodes['putin-visit-japan-2016-12']!;
      expect(visit['label'], name).toBe(db['visitName']);
      expect(visit['type'], name).toBe('Event');
      expect(visit['date'], name).toBe(db['visitDate']);
      expect(visit['dateFrom'], name).toBe(db['visitFrom']);

      // Every reader uses the relationship id as the multigraph edge key.
      const office = view.edges.find(([, , key]) => key === db['officeId']);
      expect(office, name).toBeDefined();
      const [source, target, key, data] = office!;
      expect([source, target, key], name).toEqual(['vladimir-putin', 'russia', db['officeId']]);
      expect(data['citations'], name).toBe((db['officeCitations'] as string[]).join(';'));
      expect(data['relationshipType'], name).toBe('HOLDS_OFFICE');
      expect(data['role'], name).toBe('President');

      const russia = view.nodes['russia']!;
      expect(russia['degree'], name).toBe(Number(db['russiaDegree']));
      expect(typeof russia['pagerank'], name).toBe('number');
      pagerank ??= russia['pagerank'];
      expect(russia['pagerank'], name).toBeCloseTo(pagerank as number, 12);
    }
    // Dynamic GEXF: each element carries its own time span for Gephi's timeline.
    expect(views.dynamic.nodes['putin-visit-japan-2016-12']!['start']).toBe(db['visitFrom']);
    const office = views.dynamic.edges.find(([, , key]) => key === db['officeId'])!;
    expect(office[3]['start']).toBe(db['officeFrom']);
    expect(views.dynamic.nodes['vladimir-putin']).not.toHaveProperty('start');
  }, 180_000);
});

describe('npm run export (the CLI)', () => {
  it('writes the same export as the HTTP route, with progress on stderr', async () => {
    const out = join(dir, 'cli-edges.csv');
    const neo4j = inject('neo4j');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/export/cli.ts', '--format', 'csv-edges', '--out', out, '--types', 'Person,Country', '--relationship-types', 'HOLDS_OFFICE,NATIONAL_OF', '--from', '2014'],
      { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password }, timeout: 120_000 },
    );
    expect(result.stderr).toMatch(/nodes [\d,]+ \/ [\d,]+, edges [\d,]+ \/ [\d,]+/);
    expect(result.status, result.stderr).toBe(0);
    const viaHttp = await download(api.app, '/export/csv-edges?types=Person,Country&relationshipTypes=HOLDS_OFFICE,NATIONAL_OF&from=2014');
    expect(await readFile(out, 'utf8')).toBe(viaHttp.text);

    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/export/cli.ts', '--format', 'graphml', '--out', out, '--types', 'Wizard'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--types: "Wizard" is not one of the model');
  }, 180_000);
});
