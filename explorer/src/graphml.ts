/**
 * The current view as GraphML (yEd, Gephi, Cytoscape desktop, NetworkX) and
 * GEXF (Gephi): what is shown, each tie with its kind, relation text, dates,
 * weight, properties, what a derived tie stands on, its citations and the
 * quoted lines where the page has them.
 */
import type { EntitySummary, RelationshipView } from './api.js';
import { formatCitation } from '../../src/model/citation.js';

const NODE_KEYS = ['name', 'type', 'dateFrom', 'dateTo'] as const;
const EDGE_KEYS = ['type', 'relation', 'derived', 'weight', 'validFrom', 'validTo', 'properties', 'behind', 'citations', 'quotes'] as const;

type EdgeKey = (typeof EDGE_KEYS)[number];

/** A tie's attributes as text (null: left out). */
function edgeValues(edge: RelationshipView, names: ReadonlyMap<string, string>): Record<EdgeKey, string | null> {
  const properties = Object.entries(edge.properties).filter(([name]) => name !== 'relation');
  const quotes = edge.citations.filter((c) => c.quote).map((c) => `${formatCitation(c)}: ${c.quote ?? ''}`);
  return {
    type: edge.type,
    relation: edge.relation || (typeof edge.properties['relation'] === 'string' ? edge.properties['relation'] : null),
    derived: String(edge.derived),
    weight: String(edge.weight),
    validFrom: edge.validFrom,
    validTo: edge.validTo,
    properties: properties.length > 0 ? properties.map(([name, value]) => `${name}=${String(value)}`).join('; ') : null,
    behind: edge.evidence.length > 0 ? edge.evidence.map((e) => names.get(e.key) ?? e.name).join('; ') : null,
    citations: edge.citations.map(formatCitation).join('; ') || null,
    quotes: quotes.length > 0 ? quotes.join('\n\n') : null,
  };
}

/** A GraphML document of these entities and ties (keys as node ids, tie ids as edge ids). */
export function toGraphML(nodes: readonly EntitySummary[], edges: readonly RelationshipView[]): string {
  const names = new Map(nodes.map((n) => [n.key, n.name]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
    '  <graph id="russia-japan" edgedefault="directed">',
  ];
  for (const node of nodes) {
    lines.push(`    <node id="${xml(node.key)}">`);
    for (const k of NODE_KEYS) {
      const value = node[k];
      if (value !== null) lines.push(`      <data key="n_${k}">${xml(value)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const edge of edges) {
    lines.push(`    <edge id="${xml(edge.id)}" source="${xml(edge.from)}" target="${xml(edge.to)}">`);
    const values = edgeValues(edge, names);
    for (const k of EDGE_KEYS) {
      const value = values[k];
      if (value !== null) lines.push(`      <data key="e_${k}">${xml(value)}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** A GEXF 1.3 document of the same (static; attributes as strings). */
export function toGEXF(nodes: readonly EntitySummary[], edges: readonly RelationshipView[], description: string): string {
  const names = new Map(nodes.map((n) => [n.key, n.name]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>Russia–Japan graph explorer</creator><description>${xml(description)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...NODE_KEYS.filter((k) => k !== 'name').map((k, i) => `      <attribute id="n${i}" title="${k}" type="string"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_KEYS.map((k, i) => `      <attribute id="e${i}" title="${k}" type="string"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  const nodeKeys = NODE_KEYS.filter((k) => k !== 'name');
  for (const node of nodes) {
    lines.push(`      <node id="${xml(node.key)}" label="${xml(node.name)}"><attvalues>`);
    nodeKeys.forEach((k, i) => {
      const value = node[k];
      if (value !== null) lines.push(`        <attvalue for="n${i}" value="${xml(value)}"/>`);
    });
    lines.push('      </attvalues></node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of edges) {
    const values = edgeValues(edge, names);
    lines.push(`      <edge id="${xml(edge.id)}" source="${xml(edge.from)}" target="${xml(edge.to)}" label="${xml(edge.type)}" weight="${edge.weight}"${edge.derived ? ' type="undirected"' : ''}><attvalues>`);
    EDGE_KEYS.forEach((k, i) => {
      const value = values[k];
      if (value !== null) lines.push(`        <attvalue for="e${i}" value="${xml(value)}"/>`);
    });
    lines.push('      </attvalues></edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
