/**
 * Gephi's own importer (gephi-toolkit 0.10.1 from Maven Central, run by
 * tools/gephi-check/GephiCheck.java) reads our GEXF and GraphML exports. It
 * folds parallel edges of the same kind between the same two nodes into one
 * (summing weights, keeping one edge's attributes); GraphML has no kind it
 * reads, so there it folds all edges between the same two nodes. Our default
 * (parallel=merge) merges those groups first, keeping every citation, so Gephi
 * reads every edge; parallel=keep shows what it folds otherwise. Skipped, with the reason, only when Java or the toolkit jar is missing
 * (`bash .ci/run` fetches the jar).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { download, idsOf } from '../support/export-download.js';
import { createTestApp } from '../support/test-app.js';

const JAR = process.env['GEPHI_TOOLKIT_JAR'] ?? join(homedir(), '.m2', 'repository', 'org', 'gephi', 'gephi-toolkit', '0.10.1', 'gephi-toolkit-0.10.1-all.jar');
const CHECK = join(PROJECT_ROOT, 'tools', 'gephi-check', 'GephiCheck.java');
const java = spawnSync('java', ['-version']).status === 0;
const missing = !java ? 'java is not installed' : !existsSync(JAR) ? `the Gephi toolkit jar is missing (${JAR}; see tools/gephi-check/README.md)` : null;
if (missing) console.info(`Gephi import check skipped: ${missing}.`);

const api = createTestApp();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gephi-'));
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

interface GephiCounts {
  file: string;
  nodes: number;
  edges: number;
  citations: number;
  weight: number;
}

function gephi(...files: string[]): GephiCounts[] {
  const out = execFileSync('java', ['-Djava.awt.headless=true', '-cp', JAR, CHECK, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  return out
    .split('\n')
    .filter((line) => line.startsWith('{"file"'))
    .map((line) => JSON.parse(line) as GephiCounts);
}

/** Downloads an export into the test folder and returns its text and path. */
async function save(path: string, name: string): Promise<{ text: string; file: string }> {
  const res = await download(api.app, path);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  const file = join(dir, name);
  await writeFile(file, res.text);
  return { text: res.text, file };
}

/** Groups of parallel edges Gephi folds into one: same ends (in their direction) and same kind. */
function edgeGroups(text: string, kind: (edge: string) => string): number {
  return new Set([...text.matchAll(/<edge [^>]*>/g)].map((m) => `${/source="([^"]+)"/.exec(m[0])?.[1]}>${/target="([^"]+)"/.exec(m[0])?.[1]}>${kind(m[0])}`)).size;
}

/** Citations over a file's edges, as Gephi's check counts them: the `citations` column's ";"-separated entries. */
function citationsIn(text: string, format: 'gexf' | 'graphml'): number {
  const pattern = format === 'gexf' ? /<attvalue for="citations" value="([^"]*)"\/>/g : /<data key="e_citations">([^<]*)<\/data>/g;
  // Nodes have a citations column too: count the edges' only.
  const edges = format === 'gexf' ? text.slice(text.indexOf('<edges>')) : text;
  return [...edges.matchAll(pattern)].reduce((n, m) => n + m[1]!.split(';').length, 0);
}

describe.skipIf(missing !== null)("Gephi's importer on our exports", () => {
  it('reads every node and every edge of the default GEXF and GraphML, with every citation of the merged parallel ties', async () => {
    const [stored] = await api.db.read(
      'test-gephi-stored',
      `CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
       MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS ties, sum(size(r.citations)) AS citations`,
    );
    const ties = Number(stored!['ties']);
    const citations = Number(stored!['citations']);
    const gexf = await save('/export/gexf', 'graph.gexf');
    const graphml = await save('/export/graphml', 'graph.graphml');
    const actors = await save('/export/gexf?projection=actors', 'actors.gexf');
    const actorsKept = await save('/export/gexf?projection=actors&parallel=keep', 'actors-kept.gexf');
    const [fromGexf, fromGraphml, fromActors] = gephi(gexf.file, graphml.file, actors.file);
    console.info(
      `Gephi read ${fromGexf!.nodes} nodes, ${fromGexf!.edges} edges (${fromGexf!.citations} citations) from GEXF, ` +
        `${fromGraphml!.edges} edges (${fromGraphml!.citations} citations) from GraphML, for ${ties} ties with ${citations} citations`,
    );
    for (const [read, file, format] of [[fromGexf!, gexf, 'gexf'], [fromGraphml!, graphml, 'graphml']] as const) {
      const inFile = idsOf(format, file.text);
      expect(read.nodes, format).toBe(Number(stored!['nodes']));
      // Every edge of the file survives the import: the parallel ones were merged before Gephi could fold them.
      expect(read.edges, format).toBe(inFile.edges.length);
      expect(inFile.edges.length, format).toBeLessThan(ties);
      // ... and the merge lost nothing: every stored tie's citations, and a weight of one per tie.
      expect(read.citations, format).toBe(citations);
      expect(read.weight, format).toBeCloseTo(ties, 3);
    }
    // The undirected actor network: same check against its unmerged ties.
    expect(fromActors!.edges).toBe(idsOf('gexf', actors.text).edges.length);
    expect(fromActors!.citations).toBe(citationsIn(actorsKept.text, 'gexf'));
    expect(idsOf('gexf', actors.text).edges.length).toBeLessThan(idsOf('gexf', actorsKept.text).edges.length);
    const keptWeight = [...actorsKept.text.matchAll(/<edge [^>]* weight="([^"]+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(fromActors!.weight).toBeCloseTo(keptWeight, 3);
  }, 300_000);

  it('with parallel=keep, folds exactly the parallel ties of the same kind (GEXF) or the same ends (GraphML)', async () => {
    const gexf = await save('/export/gexf?parallel=keep', 'kept.gexf');
    const graphml = await save('/export/graphml?parallel=keep', 'kept.graphml');
    const [fromGexf, fromGraphml] = gephi(gexf.file, graphml.file);
    const inGexf = idsOf('gexf', gexf.text);
    const inGraphml = idsOf('graphml', graphml.text);
    console.info(`parallel=keep: Gephi read ${fromGexf!.edges}/${inGexf.edges.length} edges from GEXF, ${fromGraphml!.edges}/${inGraphml.edges.length} from GraphML`);
    expect(fromGexf!.nodes).toBe(inGexf.nodes.length);
    // GEXF: one edge per (source, target, kind); GraphML carries no kind Gephi reads, so one per (source, target).
    expect(fromGexf!.edges).toBe(edgeGroups(gexf.text, (e) => /kind="([^"]+)"/.exec(e)?.[1] ?? ''));
    expect(fromGraphml!.edges).toBe(edgeGroups(graphml.text, () => ''));
    expect(fromGexf!.citations).toBeLessThan(citationsIn(gexf.text, 'gexf'));
  }, 300_000);
});
