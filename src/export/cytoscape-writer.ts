import type { ExportGraph } from './attribute-schema.js';
import { elementJson } from './node-link-writer.js';

/**
 * Writes Cytoscape.js elements JSON in the shape Cytoscape desktop exports and
 * imports (`.cyjs`): `{ data, elements: { nodes: [{ data }], edges: [{ data }] } }`.
 * `cytoscape({ elements: json.elements })` loads it in Cytoscape.js. Nodes also
 * get `name` (a copy of `label`), the column Cytoscape desktop labels nodes by.
 * NetworkX's `cytoscape_graph` reads it too: it needs the top-level `directed`
 * and `multigraph`, each node's `value` (its id) and each edge's `key` (the
 * relationship id, or parallel edges would collapse into one).
 */
export async function* writeCytoscape(graph: ExportGraph): AsyncGenerator<string> {
  yield `{"format_version":"1.0","generated_by":"russia-japan-graph","target_cytoscapejs_version":"~3","directed":${String(graph.directed !== false)},"multigraph":true,` +
    `"data":${JSON.stringify({ name: 'russia-japan-graph', description: graph.description })},\n"elements":{"nodes":[`;
  let first = true;
  for await (const node of graph.nodes) {
    const data = elementJson({ id: node.id, value: node.id, name: node.values['label'] }, graph.nodeAttributes, node.values);
    yield `${first ? '\n' : ',\n'}{"data":${data}}`;
    first = false;
  }
  yield '\n],\n"edges":[';
  first = true;
  for await (const edge of graph.edges) {
    const data = elementJson({ id: edge.id, key: edge.id, source: edge.source, target: edge.target }, graph.edgeAttributes, edge.values);
    yield `${first ? '\n' : ',\n'}{"data":${data}}`;
    first = false;
  }
  yield '\n]}}\n';
}
