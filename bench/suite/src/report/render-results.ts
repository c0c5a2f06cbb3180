import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphInfo } from '../generate/prepare-graph.js';
import { EXPORT_HEAP_MIB, type ExportResult } from '../load/run-export.js';
import type { LoadResult } from '../load/run-load.js';
import { SUITE_ROOT } from '../paths.js';
import { SERVERS, WORKLOADS, type ServerName, type WorkloadName } from '../workloads/workloads.js';

export interface CellResult extends LoadResult {
  readonly workload: WorkloadName;
  readonly server: ServerName;
}

export interface Validation {
  readonly workload: WorkloadName;
  readonly server: ServerName;
  readonly requests: number;
  readonly items: number;
  readonly error?: string;
}

export interface SizeResults {
  readonly size: string;
  readonly graph: GraphInfo;
  readonly freshLoad: boolean;
  readonly versions: Record<string, string>;
  readonly validation: readonly Validation[];
  readonly mismatches: readonly string[];
  readonly cells: readonly CellResult[];
  readonly oursPeakRssMiB: number;
  readonly exports: readonly ExportResult[];
}

export interface RunResults {
  readonly mode: 'quick' | 'full';
  readonly started: string;
  readonly minutes: number;
  readonly machine: { cpu: string; cores: number; memoryGiB: number; loadBefore: number[]; loadAfter: number[] };
  readonly versions: Record<string, string>;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly sizes: readonly SizeResults[];
}

const LABEL: Record<ServerName, string> = { ours: 'ours', 'neo4j-graphql': '@neo4j/graphql', raw: 'raw Cypher' };
/** Done criteria (at concurrency 16): ours no slower than @neo4j/graphql, and within this factor of raw Cypher. */
const RAW_FACTOR = 1.5;

/** The report: machine, versions, graphs, the comparison tables, memory, exports, checks and the notes. */
export async function renderResults(results: RunResults): Promise<string> {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Written by \`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\` on ${results.started.slice(0, 16).replace('T', ' ')} UTC ` +
      `(${results.minutes.toFixed(0)} min). Regenerate with the same command; the notes at the end come from ` +
      '[`bench/suite/NOTES.md`](suite/NOTES.md).',
    '',
  );
  out.push('## Machine', '');
  const m = results.machine;
  out.push(`- ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB.`);
  out.push(
    `- Load average before / after the run: ${m.loadBefore.map((l) => l.toFixed(1)).join(' ')} / ${m.loadAfter.map((l) => l.toFixed(1)).join(' ')} ` +
      '(the machine is shared: other work ran beside the benchmark, so absolute numbers are noisy; the three servers are measured back to back per cell, in rotating order, so ratios are the figure to read).',
  );
  out.push('- Everything on loopback: Neo4j, the three servers (one Node process each), and the load generator (in the orchestrating process).', '');
  out.push('## Versions', '', '| component | version |', '|---|---|');
  for (const [name, version] of Object.entries(results.versions)) out.push(`| ${name} | ${version} |`);
  out.push('');
  out.push('## Method', '');
  out.push(
    `- Before any measurement, every server runs every workload for ${Math.max(1, Math.round(results.seconds / 2))} s at concurrency 4: a freshly started JVM spends its first seconds compiling Neo4j's hot paths (cold, a trivial query cost Neo4j 5–8 ms of CPU; warm, under 1 ms), and without this whichever server ran first paid for it.`,
    `- Each cell: ${results.warmupSeconds > 0 ? `${results.warmupSeconds} s warm-up, then ` : ''}${results.seconds} s of load at concurrency 1, 16 and 64 ` +
      '(a closed-loop generator on keep-alive loopback connections, `bench/suite/src/load/run-load.ts`: each connection sends its next request when the previous answer is read; requests still in flight at the end are awaited and counted, which autocannon would drop). ' +
      'Requests cycle through 200 parameter sets drawn with a fixed seed (20 in quick mode); latencies are exact percentiles of every response, throughput is responses per second of wall time.',
    '- **ours**: `createApp` from `src/app.ts` with the product\'s defaults (limits, masking, round-trip report), `LOG_LEVEL=warn`, `NODE_ENV=production`.',
    '- **@neo4j/graphql**: type definitions generated from the same model (`bench/suite/src/servers/neo4j-graphql-type-defs.ts`): an `Entity` interface, a node type per label, ' +
      'relationship fields with `@relationshipProperties` types (id, citations, qualifiers), `@fulltext` on the product\'s `entity_names` index. ' +
      'It has no construct for shortest paths or neighbourhoods, so those two are `@cypher` fields holding the same Cypher as the raw floor. ' +
      'Served by a minimal handler with a parse/validate cache (what yoga gives ours).',
    '- **raw Cypher**: the hand-written query a perfect server would send (`bench/suite/src/servers/raw-queries.ts`), one round trip, run by neo4j-driver behind a tiny HTTP server, answered as JSON.',
    '- All three read the same database; the synthetic graph keeps the product\'s labels, relationship types, properties, citations and indexes (`cypher/schema.cypher`).',
    '',
  );
  out.push('## Graphs', '');
  out.push('| size | nodes | relationships | degree mean / p50 / p99 / max (hub) | store | load nodes/s | load relationships/s |', '|---|---|---|---|---|---|---|');
  for (const s of results.sizes) {
    const g = s.graph;
    const d = g.degrees;
    out.push(
      `| ${s.size} | ${g.nodes.toLocaleString('en')} | ${g.relationships.toLocaleString('en')} | ${d.mean.toFixed(1)} / ${d.p50} / ${d.p99} / ${d.max.toLocaleString('en')} (\`${d.maxKey}\`) | ${g.storeMiB} MiB | ` +
        `${Math.round(g.load.nodesPerSecond).toLocaleString('en')} | ${Math.round(g.load.relationshipsPerSecond).toLocaleString('en')}${s.freshLoad ? '' : ` (loaded ${g.loadedAt.slice(0, 10)})`} |`,
    );
  }
  out.push('');
  out.push('## Done criteria: p50 at concurrency 16', '');
  out.push(`Ours must be no slower than @neo4j/graphql and within ${RAW_FACTOR}× of raw Cypher.`, '');
  out.push('| size | workload | ours | @neo4j/graphql | raw Cypher | ours / @neo4j/graphql | ours / raw | met |', '|---|---|---|---|---|---|---|---|');
  for (const s of results.sizes) {
    for (const workload of WORKLOADS) {
      const cell = (server: ServerName): CellResult | undefined => s.cells.find((c) => c.workload === workload && c.server === server && c.concurrency === 16);
      const ours = cell('ours');
      const ng = cell('neo4j-graphql');
      const raw = cell('raw');
      if (!ours || !ng || !raw) continue;
      const vsNg = ours.p50 / ng.p50;
      const vsRaw = ours.p50 / raw.p50;
      const met = vsNg <= 1 && vsRaw <= RAW_FACTOR ? 'yes' : vsNg <= 1 ? 'no (raw)' : 'no';
      out.push(`| ${s.size} | ${workload} | ${ms(ours.p50)} | ${ms(ng.p50)} | ${ms(raw.p50)} | ${ratio(vsNg)} | ${ratio(vsRaw)} | ${met} |`);
    }
  }
  out.push('');
  for (const s of results.sizes) {
    out.push(`## ${s.size}: latency p50 / p95 / p99 (ms) and throughput (req/s)`, '');
    out.push(`| workload | c | ${SERVERS.map((n) => LABEL[n]).join(' | ')} | ours / @neo4j/graphql p50 | ours / raw p50 |`, `|---|---|${SERVERS.map(() => '---').join('|')}|---|---|`);
    for (const workload of WORKLOADS) {
      for (const concurrency of [1, 16, 64]) {
        const cells = SERVERS.map((server) => s.cells.find((c) => c.workload === workload && c.server === server && c.concurrency === concurrency));
        if (cells.some((c) => c === undefined)) continue;
        const [ours, ng, raw] = cells as [CellResult, CellResult, CellResult];
        const text = (c: CellResult): string => {
          const failed = c.non2xx + c.errors;
          return `${ms(c.p50)} / ${ms(c.p95)} / ${ms(c.p99)} (${c.throughput.toFixed(1)})${failed > 0 ? ` ⚠ ${failed} failed` : ''}`;
        };
        out.push(`| ${workload} | ${concurrency} | ${text(ours)} | ${text(ng)} | ${text(raw)} | ${ratio(ours.p50 / ng.p50)} | ${ratio(ours.p50 / raw.p50)} |`);
      }
    }
    out.push('');
    out.push(`Peak RSS of our server process over all read workloads: **${s.oursPeakRssMiB.toFixed(0)} MiB**.`, '');
  }
  out.push('## Export: GraphML of the whole graph', '');
  out.push(
    `Each from a freshly started server process, so its peak RSS (VmHWM) is the export's, and with V8's old space capped at ${EXPORT_HEAP_MIB} MiB (\`--max-old-space-size\`), ` +
      'less than the larger files: an export that held the graph or the document in memory would fail rather than merely grow. ' +
      '"raw Cypher" streams the same two reads (nodes, then relationships) from neo4j-driver into minimal GraphML: the floor.',
    '',
  );
  out.push('| size | server | size of file | time | first byte | RSS before | peak RSS |', '|---|---|---|---|---|---|---|');
  for (const s of results.sizes) {
    for (const e of s.exports) {
      out.push(
        `| ${s.size} | ${e.server === 'raw' ? 'raw Cypher' : e.server} | ${(e.bytes / 1024 / 1024).toFixed(1)} MiB | ${e.seconds.toFixed(1)} s | ${e.firstByteSeconds.toFixed(2)} s | ` +
          `${e.rssBeforeMiB.toFixed(0)} MiB | ${e.peakRssMiB.toFixed(0)} MiB${e.error ? ` ⚠ ${e.error}` : ''} |`,
      );
    }
  }
  out.push('');
  out.push('## Checks', '');
  out.push('Before the load, each server answered the first parameter sets of each workload; "items" counts the entities and relationships in the answers (the same when two servers return the same data). ' +
      'Ours and raw Cypher must agree (the run fails otherwise). @neo4j/graphql may differ on list-50: its keyset is `name > x` (the library filters no `id > y` for ties of equal names, which synthetic people share), so its pages can start elsewhere; its errors are reported, not fatal.', '');
  out.push(`| size | workload | ${SERVERS.map((n) => LABEL[n]).join(' | ')} |`, `|---|---|${SERVERS.map(() => '---').join('|')}|`);
  for (const s of results.sizes) {
    for (const workload of WORKLOADS) {
      const cells = SERVERS.map((server) => {
        const v = s.validation.find((x) => x.workload === workload && x.server === server);
        if (!v) return '–';
        return v.error ? `⚠ ${v.error.replace(/\|/g, '\\|').slice(0, 200)}` : `${v.items} items / ${v.requests} requests`;
      });
      out.push(`| ${s.size} | ${workload} | ${cells.join(' | ')} |`);
    }
  }
  out.push('');
  for (const s of results.sizes) for (const mismatch of s.mismatches) out.push(`⚠ ${s.size}: our API and raw Cypher disagree on ${mismatch}`, '');
  const notes = join(SUITE_ROOT, 'NOTES.md');
  if (existsSync(notes)) out.push((await readFile(notes, 'utf8')).trim(), '');
  return out.join('\n');
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}
