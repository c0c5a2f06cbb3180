import type { Attribute, AttributeValue, ExportGraph } from './attribute-schema.js';

/**
 * CSV node and edge tables in the conventions of Gephi's spreadsheet importer
 * ("Import spreadsheet"): nodes start with `Id,Label`, edges with
 * `Source,Target,Type,Id,Label,Kind` (Type is the direction, Kind the
 * relationship type, which keeps parallel edges of different types apart).
 * The remaining columns are the shared attributes, by name. An empty field is
 * a missing value (Gephi reads it as null). Gephi's reader treats a backslash
 * as an escape character, so backslashes are doubled.
 */
export async function* writeNodeCsv(graph: ExportGraph): AsyncGenerator<string> {
  const attributes = graph.nodeAttributes.filter((a) => a.name !== 'label');
  yield row(['Id', 'Label', ...attributes.map((a) => a.name)]);
  for await (const node of graph.nodes) {
    yield row([node.id, node.values['label'], ...attributes.map((a) => cell(a, node.values[a.name]))]);
  }
}

/** The edge table; see `writeNodeCsv`. It reads only the edges (the node stream is left alone). */
export async function* writeEdgeCsv(graph: ExportGraph): AsyncGenerator<string> {
  const attributes = graph.edgeAttributes.filter((a) => a.name !== 'label');
  yield row(['Source', 'Target', 'Type', 'Id', 'Label', 'Kind', ...attributes.map((a) => a.name)]);
  for await (const edge of graph.edges) {
    const type = edge.values['relationshipType'];
    yield row([edge.source, edge.target, 'Directed', edge.id, edge.values['label'], type, ...attributes.map((a) => cell(a, edge.values[a.name]))]);
  }
}

/** An `int` column's value as a whole number (a year is 2016, never 2016.0 or "2016"); others as they are. */
function cell(attribute: Attribute, value: AttributeValue | undefined): AttributeValue | undefined {
  return attribute.type === 'int' && typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : value;
}

function row(fields: readonly (AttributeValue | undefined)[]): string {
  return `${fields.map(field).join(',')}\n`;
}

/** One field: quoted when it holds a separator, quote, line break, backslash or outer spaces. */
export function field(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  if (!/[",\r\n\\]|^\s|\s$/.test(text)) return text;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '""')}"`;
}
