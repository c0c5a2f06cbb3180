import type { Attribute, ExportGraph } from './attribute-schema.js';

/**
 * Writes node-link JSON as NetworkX's `node_link_graph` reads it: a directed
 * multigraph with `nodes` (each with `id`) and `edges` (each with `source`,
 * `target` and the relationship id as `key`, NetworkX's multigraph edge key).
 * The edge list is called `edges`, NetworkX's default from 3.6 on; older
 * versions need `edges="edges"` (3.4, 3.5) or `link="edges"` (before 3.4).
 */
export async function* writeNodeLink(graph: ExportGraph): AsyncGenerator<string> {
  yield `{"directed":${String(graph.directed !== false)},"multigraph":true,"graph":${JSON.stringify({ name: 'russia-japan-graph', description: graph.description })},\n"nodes":[`;
  let first = true;
  for await (const node of graph.nodes) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ id: node.id, ...ordered(graph.nodeAttributes, node.values) })}`;
    first = false;
  }
  yield '\n],\n"edges":[';
  first = true;
  for await (const edge of graph.edges) {
    const head = { source: edge.source, target: edge.target, key: edge.id, id: edge.id };
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ ...head, ...ordered(graph.edgeAttributes, edge.values) })}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The element's values in column order (JSON keeps insertion order), missing ones left out. */
export function ordered(attributes: readonly Attribute[], values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attribute of attributes) if (values[attribute.name] !== undefined) out[attribute.name] = values[attribute.name];
  return out;
}
