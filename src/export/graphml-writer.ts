import type { Attribute, AttributeType, AttributeValue, ExportGraph } from './attribute-schema.js';
import { escapeXml } from './xml-text.js';

/** GraphML's scalar types; igraph and NetworkX read exactly these. */
const GRAPHML_TYPES: Record<AttributeType, string> = { string: 'string', double: 'double', int: 'int', boolean: 'boolean' };

/**
 * Writes GraphML: a directed graph, a typed `<key>` per attribute (declared up
 * front from the model, with its description), parallel edges kept, each edge
 * with its relationship id. Key ids are `n_<name>` / `e_<name>`: never the `d3`
 * or `d7` NetworkX would pick, which Gephi's importer reads as yEd labels.
 */
export async function* writeGraphml(graph: ExportGraph): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const attribute of graph.nodeAttributes) yield key('node', attribute);
  for (const attribute of graph.edgeAttributes) yield key('edge', attribute);
  yield `  <graph id="G" edgedefault="${graph.directed === false ? 'undirected' : 'directed'}">\n    <desc>${escapeXml(graph.description)}</desc>\n`;
  for await (const node of graph.nodes) {
    yield `    <node id="${escapeXml(node.id)}">${data('n', graph.nodeAttributes, node.values)}</node>\n`;
  }
  for await (const edge of graph.edges) {
    yield `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
      `${data('e', graph.edgeAttributes, edge.values)}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

function key(domain: 'node' | 'edge', attribute: Attribute): string {
  return `  <key id="${domain[0] ?? ''}_${attribute.name}" for="${domain}" attr.name="${attribute.name}" attr.type="${GRAPHML_TYPES[attribute.type]}">` +
    `<desc>${escapeXml(attribute.description)}</desc></key>\n`;
}

function data(prefix: string, attributes: readonly Attribute[], values: Readonly<Record<string, AttributeValue | undefined>>): string {
  let out = '';
  for (const attribute of attributes) {
    const value = values[attribute.name];
    if (value !== undefined) out += `<data key="${prefix}_${attribute.name}">${escapeXml(String(value))}</data>`;
  }
  return out;
}
