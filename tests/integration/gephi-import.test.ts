/**
 * Gephi's own importer (gephi-toolkit 0.10.1 from Maven Central, run by
 * tools/gephi-check/GephiCheck.java) reads our GEXF and GraphML exports. It
 * reads every node; it merges parallel edges of the same kind between the same
 * two nodes into one (summing weights, keeping one edge's attributes), so this
 * test pins down exactly which ties it folds: nothing beyond those groups may be
 * lost. Skipped, with the reason, only when Java or the toolkit jar is missing
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
}

function gephi(...files: string[]): GephiCounts[] {
  const out = execFileSync('java', ['-Djava.awt.headless=true', '-cp', JAR, CHECK, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  return out
    .split('\n')
    .filter((line) => line.startsWith('{"file"'))
    .map((line) => JSON.parse(line) as GephiCounts);
}

/** Groups of parallel edges Gephi folds into one: same ends (in their direction) and same kind. */
function edgeGroups(text: string, kind: (edge: string) => string): number {
  return new Set([...text.matchAll(/<edge [^>]*>/g)].map((m) => `${/source="([^"]+)"/.exec(m[0])?.[1]}>${/target="([^"]+)"/.exec(m[0])?.[1]}>${kind(m[0])}`)).size;
}

describe.skipIf(missing !== null)("Gephi's importer on our exports", () => {
  it('reads every node, and folds only parallel ties of the same kind, from GEXF and GraphML', async () => {
    const gexf = await download(api.app, '/export/gexf');
    const graphml = await download(api.app, '/export/graphml');
    expect(gexf.status).toBe(200);
    expect(graphml.status).toBe(200);
    await writeFile(join(dir, 'graph.gexf'), gexf.text);
    await writeFile(join(dir, 'graph.graphml'), graphml.text);
    const [fromGexf, fromGraphml] = gephi(join(dir, 'graph.gexf'), join(dir, 'graph.graphml'));
    const inGexf = idsOf('gexf', gexf.text);
    const inGraphml = idsOf('graphml', graphml.text);
    console.info(
      `Gephi read ${fromGexf!.nodes}/${inGexf.nodes.length} nodes and ${fromGexf!.edges}/${inGexf.edges.length} edges from GEXF, ` +
        `${fromGraphml!.nodes}/${inGraphml.nodes.length} nodes and ${fromGraphml!.edges}/${inGraphml.edges.length} edges from GraphML`,
    );
    expect(fromGexf!.nodes).toBe(inGexf.nodes.length);
    expect(fromGraphml!.nodes).toBe(inGraphml.nodes.length);
    // GEXF: one edge per (source, target, kind); GraphML carries no kind Gephi reads, so one per (source, target).
    expect(fromGexf!.edges).toBe(edgeGroups(gexf.text, (e) => /kind="([^"]+)"/.exec(e)?.[1] ?? ''));
    expect(fromGraphml!.edges).toBe(edgeGroups(graphml.text, () => ''));
  }, 300_000);
});
