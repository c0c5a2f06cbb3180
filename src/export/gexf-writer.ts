import type { Attribute, AttributeType, AttributeValue, ExportGraph } from './attribute-schema.js';
import { escapeXml } from './xml-text.js';

export interface GexfOptions {
  /**
   * Dynamic mode: nodes carry `start`/`end` from their dates (`dateFrom`/`dateTo`),
   * edges from theirs (`validFrom`/`validTo`), so Gephi's timeline can play the
   * relationship history. Undated elements are present at all times.
   */
  readonly dynamic: boolean;
  /** The `lastmodifieddate` in the file's meta (ISO day). */
  readonly today: string;
}

const GEXF_TYPES: Record<AttributeType, string> = { string: 'string', double: 'double', int: 'integer', boolean: 'boolean' };

/**
 * Writes GEXF 1.3 (valid against the official XSD): a directed graph whose
 * attributes are declared up front from the model. The name and the
 * relationship type go into the elements' own `label`, a weight into the
 * edge's `weight`; each edge's `kind` is its relationship type, which is how
 * Gephi keeps parallel edges of different types apart (same-kind ones it folds:
 * see parallel-ties.ts).
 */
export async function* writeGexf(graph: ExportGraph, options: GexfOptions): AsyncGenerator<string> {
  const nodeAttributes = graph.nodeAttributes.filter((a) => a.name !== 'label');
  // The label and an edge's weight are GEXF's own XML attributes: Gephi reads its edge weight only from there.
  const edgeAttributes = graph.edgeAttributes.filter((a) => a.name !== 'label' && a.name !== 'weight');
  const edgeType = graph.directed === false ? 'undirected' : 'directed';
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta lastmodifieddate="${options.today}"><creator>russia-japan-graph</creator>` +
    `<description>${escapeXml(graph.description)}</description></meta>\n`;
  yield options.dynamic
    ? `  <graph defaultedgetype="${edgeType}" mode="dynamic" timeformat="date" timerepresentation="interval">\n`
    : `  <graph defaultedgetype="${edgeType}" mode="static">\n`;
  yield declarations('node', nodeAttributes);
  yield declarations('edge', edgeAttributes);
  yield '    <nodes>\n';
  for await (const node of graph.nodes) {
    const time = options.dynamic ? interval(node.values['dateFrom'], node.values['dateTo']) : '';
    yield `      <node id="${escapeXml(node.id)}"${labelAttribute(node.values)}${time}>${attvalues(nodeAttributes, node.values)}</node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const edge of graph.edges) {
    const time = options.dynamic ? interval(edge.values['validFrom'], edge.values['validTo']) : '';
    const kind = edge.values['relationshipType'];
    yield `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"` +
      `${labelAttribute(edge.values)}${kind === undefined ? '' : ` kind="${escapeXml(String(kind))}"`}${weightAttribute(edge.values)}${time}>` +
      `${attvalues(edgeAttributes, edge.values)}</edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

function declarations(domain: 'node' | 'edge', attributes: readonly Attribute[]): string {
  const lines = attributes.map(
    (a) => `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPES[a.type]}"/>\n`,
  );
  return `    <attributes class="${domain}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function labelAttribute(values: Readonly<Record<string, AttributeValue | undefined>>): string {
  const label = values['label'];
  return label === undefined ? '' : ` label="${escapeXml(String(label))}"`;
}

function weightAttribute(values: Readonly<Record<string, AttributeValue | undefined>>): string {
  const weight = values['weight'];
  return typeof weight === 'number' ? ` weight="${weight}"` : '';
}

/** `start`/`end` attributes for the element's own lifetime; a missing bound is open. */
function interval(start: AttributeValue | undefined, end: AttributeValue | undefined): string {
  return (start === undefined ? '' : ` start="${escapeXml(String(start))}"`) + (end === undefined ? '' : ` end="${escapeXml(String(end))}"`);
}

function attvalues(attributes: readonly Attribute[], values: Readonly<Record<string, AttributeValue | undefined>>): string {
  let out = '';
  for (const attribute of attributes) {
    const value = values[attribute.name];
    if (value !== undefined) out += `<attvalue for="${attribute.name}" value="${escapeXml(String(value))}"/>`;
  }
  return out === '' ? '' : `<attvalues>${out}</attvalues>`;
}
