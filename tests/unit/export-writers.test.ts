import { describe, expect, it } from 'vitest';
import {
  EDGE_ATTRIBUTES,
  METRIC_ATTRIBUTES,
  RETRACTION_ATTRIBUTES,
  NODE_ATTRIBUTES,
  nodeAttributes,
  type ExportEdge,
  type ExportGraph,
  type ExportNode,
} from '../../src/export/attribute-schema.js';
import { field, writeEdgeCsv, writeNodeCsv } from '../../src/export/csv-writer.js';
import { writeCytoscape } from '../../src/export/cytoscape-writer.js';
import { exportFileName, parseExportRequest, ExportRequestError } from '../../src/export/export-request.js';
import { writeGexf } from '../../src/export/gexf-writer.js';
import { computeMetrics } from '../../src/export/graph-metrics.js';
import { writeGraphml } from '../../src/export/graphml-writer.js';
import { writeNodeLink } from '../../src/export/node-link-writer.js';
import { mergedEdgeAttributes, mergeParallelEdges } from '../../src/export/parallel-ties.js';
import { escapeXml } from '../../src/export/xml-text.js';
import { LABELS, RELATIONSHIPS } from '../../src/model/graph-model.js';
import { readCsv } from '../support/read-csv.js';

const NODES: ExportNode[] = [
  { id: 'a', values: { label: 'Alpha & "Co" <ltd>', type: 'Company', aliases: 'A;Al', aliasUsedBy: ';japan', citations: 'x.txt:1;x.txt:2-3', amount: 1.5 } },
  { id: 'b', values: { label: 'Beta, with\nnewline and a back\\slash', type: 'Event', date: '2016-12', dateFrom: '2016-12-01', dateTo: '2016-12-31' } },
];
const EDGES: ExportEdge[] = [
  { id: 'e1', source: 'a', target: 'b', values: { label: 'PART_OF', relationshipType: 'PART_OF', citations: 'x.txt:4', validFrom: '2016-01-01' } },
  { id: 'e2', source: 'a', target: 'b', values: { label: 'PART_OF', relationshipType: 'PART_OF', citations: 'x.txt:5', start: '2017' } },
];

function graph(nodes = NODES, edges = EDGES, withMetrics = false): ExportGraph {
  const iterate = <T>(items: T[]): AsyncIterable<T> => ({
    async *[Symbol.asyncIterator]() {
      for (const item of items) yield await Promise.resolve(item);
    },
  });
  return { nodeAttributes: nodeAttributes(withMetrics), edgeAttributes: EDGE_ATTRIBUTES, nodes: iterate(nodes), edges: iterate(edges), description: 'test' };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('the shared attribute schema', () => {
  it('has a column for every property of the model, each once, with a scalar type', () => {
    const nodeNames = NODE_ATTRIBUTES.map((a) => a.name);
    const edgeNames = EDGE_ATTRIBUTES.map((a) => a.name);
    expect(new Set(nodeNames).size).toBe(nodeNames.length);
    expect(new Set(edgeNames).size).toBe(edgeNames.length);
    for (const spec of Object.values(LABELS)) for (const name of Object.keys(spec.properties)) expect(nodeNames).toContain(name);
    for (const spec of Object.values(RELATIONSHIPS)) for (const name of Object.keys(spec.properties)) expect(edgeNames).toContain(name);
    expect(nodeNames.slice(0, 8)).toEqual(['label', 'type', 'aliases', 'aliasUsedBy', 'description', 'citations', 'dateFrom', 'dateTo']);
    for (const a of [...NODE_ATTRIBUTES, ...EDGE_ATTRIBUTES, ...METRIC_ATTRIBUTES]) expect(['string', 'double', 'int', 'boolean']).toContain(a.type);
  });

  it('uses no name that Gephi reads specially, except label on purpose', () => {
    // Gephi's GraphML importer reads these node and edge names (or key ids) as visual properties or ids,
    // its spreadsheet importer these column names; any name with interval/timestamp/timeset becomes a time column.
    const time = /interval|timestamp|timeset/i;
    const nodeSpecial = /^(x|y|z|xpos|ypos|size|r|g|b|d3|id)$/i;
    const edgeSpecial = /^(edgelabel|weight|edge weight|id|edgeid|r|g|b|d7|source|target|type|kind)$/i;
    for (const a of [...NODE_ATTRIBUTES, ...METRIC_ATTRIBUTES]) expect(nodeSpecial.test(a.name) || time.test(a.name), a.name).toBe(false);
    for (const a of EDGE_ATTRIBUTES) expect(edgeSpecial.test(a.name) || time.test(a.name), a.name).toBe(false);
    expect(EDGE_ATTRIBUTES.map((a) => a.name)).not.toContain('type'); // CSV "Type" is the edge direction
  });
});

describe('the format writers', () => {
  it('escape XML and keep parallel edges in GraphML', async () => {
    const xml = await text(writeGraphml(graph()));
    expect(xml).toContain('<data key="n_label">Alpha &amp; &quot;Co&quot; &lt;ltd&gt;</data>');
    expect(xml).toContain('<data key="n_label">Beta, with&#10;newline and a back\\slash</data>');
    expect(xml).toContain('<edge id="e1" source="a" target="b">');
    expect(xml).toContain('<edge id="e2" source="a" target="b">');
    expect(xml).toContain('<key id="n_amount" for="node" attr.name="amount" attr.type="double">');
    expect(xml).not.toMatch(/<data key="n_sector">/); // missing values are left out
    expect(escapeXml('a\u0001b\uFFFEc')).toBe('abc');
  });

  it('write GEXF with labels and kinds on the elements and time spans only in dynamic mode', async () => {
    const staticXml = await text(writeGexf(graph(), { dynamic: false, today: '2024-01-02' }));
    expect(staticXml).toContain('<meta lastmodifieddate="2024-01-02">');
    expect(staticXml).toContain('<graph defaultedgetype="directed" mode="static">');
    expect(staticXml).toContain('<edge id="e1" source="a" target="b" label="PART_OF" kind="PART_OF">');
    expect(staticXml).not.toContain('<attribute id="label"');
    expect(staticXml).not.toMatch(/<node [^>]*start=/);
    const dynamicXml = await text(writeGexf(graph(), { dynamic: true, today: '2024-01-02' }));
    expect(dynamicXml).toContain('mode="dynamic" timeformat="date" timerepresentation="interval"');
    expect(dynamicXml).toContain('<node id="b" label="Beta, with&#10;newline and a back\\slash" start="2016-12-01" end="2016-12-31">');
    expect(dynamicXml).toContain('<node id="a" label="Alpha &amp; &quot;Co&quot; &lt;ltd&gt;">');
    expect(dynamicXml).toContain('kind="PART_OF" start="2016-01-01">');
  });

  it('write CSV that Gephi\'s reader parses back to the same values', async () => {
    const nodes = readCsv(await text(writeNodeCsv(graph())));
    expect(nodes.header.slice(0, 3)).toEqual(['Id', 'Label', 'type']);
    expect(nodes.rows.map((r) => r['Label'])).toEqual(NODES.map((n) => n.values['label']));
    expect(nodes.rows[0]!['amount']).toBe('1.5');
    expect(nodes.rows[0]!['aliasUsedBy']).toBe(';japan');
    const edges = readCsv(await text(writeEdgeCsv(graph())));
    expect(edges.header.slice(0, 6)).toEqual(['Source', 'Target', 'Type', 'Id', 'Label', 'Kind']);
    expect(edges.rows.map((r) => [r['Id'], r['Type'], r['Kind'], r['start']])).toEqual([
      ['e1', 'Directed', 'PART_OF', null],
      ['e2', 'Directed', 'PART_OF', '2017'],
    ]);
    expect(field('plain')).toBe('plain');
    expect(field('a\\b')).toBe('"a\\\\b"');
    expect(field(' padded')).toBe('" padded"');
  });

  it('write node-link and Cytoscape JSON that parse, with edge keys', async () => {
    const nodeLink = JSON.parse(await text(writeNodeLink(graph()))) as Record<string, unknown>;
    expect(nodeLink).toMatchObject({ directed: true, multigraph: true, graph: { description: 'test' } });
    expect(nodeLink['edges']).toEqual([
      { source: 'a', target: 'b', key: 'e1', id: 'e1', ...EDGES[0]!.values },
      { source: 'a', target: 'b', key: 'e2', id: 'e2', ...EDGES[1]!.values },
    ]);
    expect(nodeLink).not.toHaveProperty('links');
    const cy = JSON.parse(await text(writeCytoscape(graph()))) as { elements: { nodes: { data: Record<string, unknown> }[] } };
    expect(cy.elements.nodes[1]!.data).toMatchObject({ id: 'b', name: NODES[1]!.values['label'], type: 'Event' });
    const empty = JSON.parse(await text(writeNodeLink(graph([], [])))) as Record<string, unknown>;
    expect(empty).toMatchObject({ nodes: [], edges: [] });
  });
});

describe('graph metrics', () => {
  it('computes degrees, betweenness, PageRank and repeatable communities on a multigraph', () => {
    const nodes: ExportNode[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, values: {} }));
    const edges: ExportEdge[] = [
      ['1', 'a', 'b'],
      ['2', 'a', 'b'],
      ['3', 'b', 'c'],
      ['4', 'c', 'a'],
      ['5', 'c', 'd'],
    ].map(([id, source, target]) => ({ id: id!, source: source!, target: target!, values: {} }));
    const metrics = computeMetrics(nodes, edges);
    expect(metrics.get('a')).toMatchObject({ degree: 3, inDegree: 1, outDegree: 2 });
    expect(metrics.get('c')!.betweenness).toBeGreaterThan(metrics.get('d')!.betweenness);
    const total = [...metrics.values()].reduce((sum, m) => sum + m.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(computeMetrics(nodes, edges)).toEqual(metrics);
    expect(computeMetrics([], []).size).toBe(0);
  });
});

describe('export requests', () => {
  const parse = (format: string, params: Record<string, string>): ReturnType<typeof parseExportRequest> =>
    parseExportRequest(format, new Map(Object.entries(params)), 3);

  it('turns parameters into a selection', () => {
    const request = parse('gexf', { types: 'Person,Event', relationshipTypes: 'STATED', from: '2016', to: '2016-02', id: 'shinzo-abe', depth: '2', dynamic: 'true' });
    expect(request).toEqual({
      format: 'gexf',
      selection: { types: ['Person', 'Event'], relationshipTypes: ['STATED'], from: '2016-01-01', to: '2016-02-29', ego: { key: 'shinzo-abe', depth: 2 } },
      metrics: false,
      dynamic: true,
      projection: { kind: 'full' },
      directed: true,
      undated: 'include',
      parallel: 'merge',
    });
    expect(exportFileName(request)).toBe('russia-japan-graph-ego-shinzo-abe-dynamic.gexf');
    // Gephi's two formats merge parallel ties by default; the others keep them; either can be asked.
    expect(parse('csv-edges', {}).parallel).toBe('keep');
    expect(parse('graphml', { parallel: 'keep' }).parallel).toBe('keep');
    expect(parse('node-link', { parallel: 'merge' }).parallel).toBe('merge');
    expect(() => parse('gexf', { parallel: 'fold' })).toThrow('"parallel" is "fold"; use keep');
    const actors = parse('graphml', { projection: 'layers:actors,context', metrics: 'true' });
    expect(actors.projection).toEqual({ kind: 'layers', layers: ['actors', 'context'] });
    expect(actors.directed).toBe(false);
    expect(parse('graphml', { projection: 'actors', directed: 'true' }).directed).toBe(true);
    expect(exportFileName(actors)).toBe('russia-japan-graph-actors-context.graphml');
    expect(parse('graphml', { origin: 'curated' }).selection.origin).toBe('curated');
    expect(() => parse('graphml', { origin: 'retracted' })).toThrow('"origin" is "retracted"; use seed or curated');
  });

  it('names the parameter it refuses', () => {
    const refused = (format: string, params: Record<string, string>): string => {
      try {
        parse(format, params);
      } catch (error) {
        if (error instanceof ExportRequestError) return error.parameter;
      }
      return 'accepted';
    };
    expect(refused('graphml', { types: 'Person,Wizard' })).toBe('types');
    expect(refused('graphml', { projection: 'people' })).toBe('projection');
    expect(refused('graphml', { projection: 'layers:' })).toBe('projection');
    expect(refused('graphml', { projection: 'actors', undated: 'sometimes' })).toBe('undated');
    expect(refused('graphml', { undated: 'exclude' })).toBe('undated');
    expect(refused('graphml', { directed: 'maybe' })).toBe('directed');
    expect(refused('graphml', { types: '' })).toBe('types');
    expect(refused('graphml', { relationshipTypes: 'holds_office' })).toBe('relationshipTypes');
    expect(refused('graphml', { to: '2016-02-30' })).toBe('to');
    expect(refused('graphml', { id: 'x', depth: '4' })).toBe('depth');
    expect(refused('graphml', { id: 'x', depth: '1.5' })).toBe('depth');
    expect(refused('csv-nodes', { dynamic: 'true' })).toBe('dynamic');
    expect(refused('graphml', { limit: '10' })).toBe('limit');
    expect(refused('svg', {})).toBe('format');
    expect(refused('graphml', { metrics: 'true', id: 'x', depth: '3' })).toBe('accepted');
  });
});

describe('one JSON number type per attribute, whole numbers in integer columns', () => {
  const mixed: ExportNode[] = [
    { id: 'a', values: { label: 'A', type: 'Observation', value: 2016, degree: 3, betweenness: 0, pagerank: 0.25, community: 1 } },
    { id: 'b', values: { label: 'B', type: 'Observation', value: 12.5, degree: 1, betweenness: 0.5, pagerank: 1, community: 0 } },
  ];
  const parsedTypes = (json: string, attribute: string): string[] =>
    [...json.matchAll(new RegExp(`"${attribute}":(-?[\\d.eE+-]+)`, 'g'))].map((m) => (/[.eE]/.test(m[1]!) ? 'float' : 'int'));

  it('writes a double column as floats everywhere (2016.0 beside 12.5) and an int column as integers, in node-link and Cytoscape JSON', async () => {
    for (const write of [writeNodeLink, writeCytoscape]) {
      const json = await text(write(graph(mixed, [], true)));
      expect(() => JSON.parse(json) as unknown).not.toThrow();
      // Cytoscape's `value` is the node's key (NetworkX): the observation's figure is `valueAttribute` there.
      const figure = write === writeCytoscape ? 'valueAttribute' : 'value';
      expect(parsedTypes(json, figure)).toEqual(['float', 'float']);
      expect(json).toContain(`"${figure}":2016.0`);
      expect(parsedTypes(json, 'betweenness')).toEqual(['float', 'float']);
      expect(parsedTypes(json, 'pagerank')).toEqual(['float', 'float']);
      expect(parsedTypes(json, 'degree')).toEqual(['int', 'int']);
      expect(parsedTypes(json, 'community')).toEqual(['int', 'int']);
    }
  });

  it('writes integer columns and year-precision dates as bare whole numbers in CSV', async () => {
    const { rows } = readCsv(await text(writeNodeCsv(graph([{ id: 'a', values: { label: 'A', type: 'Event', date: '2016', degree: 4.0000000001, community: 2 } }], [], true))));
    expect(rows[0]!['date']).toBe('2016');
    expect(rows[0]!['degree']).toBe('4');
    expect(rows[0]!['community']).toBe('2');
    const csv = await text(writeEdgeCsv(graph(NODES, EDGES)));
    expect(csv).toContain(',2017');
    expect(csv).not.toMatch(/2017\.0|"2017"/);
  });
});

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('merging parallel ties (parallel=merge)', () => {
  const edge = (id: string, source: string, target: string, values: ExportEdge['values']): ExportEdge => ({ id, source, target, values });
  const attributes = mergedEdgeAttributes(EDGE_ATTRIBUTES);
  async function merge(edges: ExportEdge[], key: { byKind: boolean; directed: boolean; groupedBySource: boolean }): Promise<ExportEdge[]> {
    const out: ExportEdge[] = [];
    const input = { [Symbol.asyncIterator]: () => toAsync(edges) };
    for await (const e of mergeParallelEdges(input, attributes, key)) out.push(e);
    return out;
  }

  it('keeps every citation and id, counts the ties, unions their dates and lists values that differ', async () => {
    const merged = await merge(
      [
        edge('b2', 'trump', 'us', { relationshipType: 'HOLDS_OFFICE', relationshipId: 'b2', citations: 'x.txt:37', role: 'President', validFrom: '2017-01-20', amount: 2 }),
        edge('a1', 'trump', 'us', { relationshipType: 'HOLDS_OFFICE', relationshipId: 'a1', citations: 'y.txt:44;y.txt:45', role: 'President-elect', validFrom: '2016-11-09', validTo: '2017-01-19', amount: 1 }),
        edge('c3', 'trump', 'us', { relationshipType: 'MEETS', relationshipId: 'c3', citations: 'z.txt:1' }),
      ],
      { byKind: true, directed: true, groupedBySource: true },
    );
    expect(merged.map((e) => e.id)).toEqual(['a1+b2', 'c3']);
    expect(merged[0]!.values).toMatchObject({
      relationshipId: 'a1;b2',
      citations: 'y.txt:44;y.txt:45;x.txt:37',
      relationshipType: 'HOLDS_OFFICE',
      role: 'President-elect;President',
      validFrom: '2016-11-09',
      multiplicity: 2,
      weight: 2,
    });
    // One tie is open-ended, so the union is too; numbers that differ cannot be listed in a number column.
    expect(merged[0]!.values['validTo']).toBeUndefined();
    expect(merged[0]!.values['amount']).toBeUndefined();
    expect(merged[1]!.values).toMatchObject({ multiplicity: 1, weight: 1, citations: 'z.txt:1' });
  });

  it('never folds a retracted tie into a live one between the same ends', async () => {
    const withRetraction = mergedEdgeAttributes([...EDGE_ATTRIBUTES, ...RETRACTION_ATTRIBUTES]);
    const input = [
        edge('a1', 'p', 'q', { relationshipType: 'MEETS', relationshipId: 'a1', citations: 'x.txt:1', retracted: false }),
        edge('b2', 'p', 'q', { relationshipType: 'MEETS', relationshipId: 'b2', citations: 'x.txt:2', retracted: true, retractedReason: 'misread' }),
        edge('c3', 'p', 'q', { relationshipType: 'MEETS', relationshipId: 'c3', citations: 'x.txt:3', retracted: false }),
    ];
    const merged: ExportEdge[] = [];
    for await (const e of mergeParallelEdges({ [Symbol.asyncIterator]: () => toAsync(input) }, withRetraction, { byKind: true, directed: true, groupedBySource: true })) merged.push(e);
    expect(merged.map((e) => [e.id, e.values['retracted']])).toEqual([
      ['a1+c3', false],
      ['b2', true],
    ]);
  });

  it('folds every kind between the same ends for GraphML, both directions when undirected, and refuses unsorted streams', async () => {
    const ties = [edge('a', 'p', 'q', { relationshipType: 'X' }), edge('b', 'q', 'p', { relationshipType: 'Y' }), edge('c', 'p', 'q', { relationshipType: 'Y' })];
    const byEnds = await merge(ties, { byKind: false, directed: false, groupedBySource: false });
    expect(byEnds.map((e) => [e.id, e.values['relationshipType'], e.values['multiplicity']])).toEqual([['a+b+c', 'X;Y', 3]]);
    const directed = await merge(ties, { byKind: true, directed: true, groupedBySource: false });
    expect(directed.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    await expect(merge([...ties, edge('d', 'p', 'q', {})], { byKind: true, directed: true, groupedBySource: true })).rejects.toThrow('not grouped by source');
  });
});
