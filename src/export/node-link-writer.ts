import type { Attribute, AttributeValue, ExportGraph } from './attribute-schema.js';

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
    yield `${first ? '\n' : ',\n'}${elementJson({ id: node.id }, graph.nodeAttributes, node.values)}`;
    first = false;
  }
  yield '\n],\n"edges":[';
  first = true;
  for await (const edge of graph.edges) {
    const head = { source: edge.source, target: edge.target, key: edge.id, id: edge.id };
    yield `${first ? '\n' : ',\n'}${elementJson(head, graph.edgeAttributes, edge.values)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** Suffix of a column whose name a format reserves: an observation's `value` is `valueAttribute` in Cytoscape JSON. */
export const RENAMED_SUFFIX = 'Attribute';

/**
 * One element as a JSON object: the `head` keys, then its values in column order
 * (missing ones left out), each number in its column's JSON type: a `double`
 * column is written as a float even when whole (`1.0`, not `1`), an `int` column
 * as an integer, so a reader (NetworkX, pandas) sees one type per attribute.
 */
export function elementJson(head: Readonly<Record<string, unknown>>, attributes: readonly Attribute[], values: Readonly<Record<string, AttributeValue | undefined>>): string {
  const parts = Object.entries(head).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  for (const attribute of attributes) {
    const value = values[attribute.name];
    if (value === undefined) continue;
    // A column named like a key the format reserves (Cytoscape's `value`, the node's key for NetworkX) gets a suffix.
    const name = Object.hasOwn(head, attribute.name) ? `${attribute.name}${RENAMED_SUFFIX}` : attribute.name;
    parts.push(`${JSON.stringify(name)}:${jsonValue(attribute, value)}`);
  }
  return `{${parts.join(',')}}`;
}

/** A value in its column's JSON type (see elementJson). */
export function jsonValue(attribute: Attribute, value: AttributeValue): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return JSON.stringify(value);
  if (attribute.type === 'int') return String(Math.round(value));
  // Whole doubles get a decimal point; beyond 2^53 JSON.stringify writes an exponent, already a float.
  if (attribute.type === 'double' && Number.isInteger(value) && Math.abs(value) < 2 ** 53) return `${value}.0`;
  return JSON.stringify(value);
}
