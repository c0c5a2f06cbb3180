/** The current view as GraphML (yEd, Gephi, Cytoscape desktop, NetworkX read it). */
import type { EntitySummary, RelationshipView } from './api.js';
import { formatCitation } from '../../src/model/citation.js';

const NODE_KEYS = ['name', 'type', 'dateFrom', 'dateTo'] as const;
const EDGE_KEYS = ['type', 'validFrom', 'validTo', 'citations'] as const;

/** A GraphML document of these entities and relationships (keys as node ids, relationship ids as edge ids). */
export function toGraphML(nodes: readonly EntitySummary[], edges: readonly RelationshipView[]): string {
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
    const values: Record<(typeof EDGE_KEYS)[number], string | null> = {
      type: edge.type,
      validFrom: edge.validFrom,
      validTo: edge.validTo,
      citations: edge.citations.map(formatCitation).join('; ') || null,
    };
    for (const k of EDGE_KEYS) {
      const value = values[k];
      if (value !== null) lines.push(`      <data key="e_${k}">${xml(value)}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
