/**
 * Writes a generated graph as CSV files for `npm run import` (the layout of
 * src/import/bulk-csv.ts), to time the import's two paths on a graph of a
 * given size (bench/RESULTS.md, #17):
 *
 *   node --import tsx bench/suite/src/generate/write-import-csv.ts <dir> [relationships, default 200000]
 *
 * Twice the 100k plan's node counts per 200k relationships, and so on. The
 * generator's `synthetic` marker is left out: it is not a property of the model,
 * and the import accepts only the model's properties. The kinds and types,
 * which the importer gets in its arguments, are added as a last `:LABEL` /
 * `:TYPE` column, the layout `npm run import` reads.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBulkCsv } from '../../../../src/import/bulk-csv.js';
import { PROJECT_ROOT } from '../paths.js';
import { generateNodes, generateRelationships, planGraph, type GraphPlan, type SourceDocument } from './synthetic-graph.js';

const [dir, count = '200000'] = process.argv.slice(2);
if (!dir) throw new Error('usage: write-import-csv.ts <dir> [relationships]');
const base = planGraph('100k', 1);
const scale = Number(count) / base.relationships;
const nodesByLabel = Object.fromEntries(Object.entries(base.nodesByLabel).map(([label, n]) => [label, Math.round(n * scale)])) as GraphPlan['nodesByLabel'];
const plan: GraphPlan = { ...base, relationships: Number(count), nodesByLabel, nodes: Object.values(nodesByLabel).reduce((a, b) => a + b, 0) };
const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'seed', 'documents.json'), 'utf8')) as SourceDocument[];
const documents = manifest.map(({ fileName, lines }) => ({ fileName, lines }));
const withoutMarker = <T extends { props: Record<string, unknown> }>(batch: readonly T[]): T[] =>
  batch.map((row) => {
    const { synthetic: _synthetic, ...props } = row.props;
    return { ...row, props };
  });
const written = await writeBulkCsv(
  dir,
  [...generateNodes(plan, documents, 10_000)].map(withoutMarker),
  generateRelationships(plan, documents, 10_000),
);
const userFiles = { nodes: [] as string[], relationships: [] as string[] };
for (const argument of written.files) {
  const [, kind, name, file] = /^--(nodes|relationships)=(?:Entity:)?(\w+)=(.+)$/.exec(argument) ?? [];
  if (!kind || !name || !file) throw new Error(`invariant: unexpected importer argument ${argument}`);
  const [header, ...rows] = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
  const column = kind === 'nodes' ? ':LABEL' : ':TYPE';
  await writeFile(file, `${[`${header},${column}`, ...rows.map((row) => `${row},${name}`)].join('\n')}\n`);
  userFiles[kind as 'nodes' | 'relationships'].push(file);
}
console.log(`${written.nodes} nodes, ${written.relationships} relationships in ${dir}:`);
console.log(`--nodes ${userFiles.nodes.join(',')}`);
console.log(`--relationships ${userFiles.relationships.join(',')}`);
