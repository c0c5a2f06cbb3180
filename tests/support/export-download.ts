import type { App } from '../../src/app.js';
import type { ExportFormat } from '../../src/export/export-formats.js';
import { readCsv } from './read-csv.js';

export interface Download {
  readonly status: number;
  readonly contentType: string | null;
  readonly disposition: string | null;
  readonly text: string;
}

/** GETs an export through the app, as a browser or curl would, and reads the whole body. */
export async function download(app: App, path: string): Promise<Download> {
  const response = await app.fetch(`http://localhost${path}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
}

/** The node ids and edge ids an export holds, read the way each format is meant to be read. */
export function idsOf(format: ExportFormat, text: string): { nodes: string[]; edges: string[] } {
  switch (format) {
    case 'graphml':
    case 'gexf':
      return {
        nodes: [...text.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]!),
        edges: [...text.matchAll(/<edge id="([^"]+)"/g)].map((m) => m[1]!),
      };
    case 'csv-nodes':
      return { nodes: readCsv(text).rows.map((r) => r['Id']!), edges: [] };
    case 'csv-edges':
      return { nodes: [], edges: readCsv(text).rows.map((r) => r['Id']!) };
    case 'node-link': {
      const json = JSON.parse(text) as { nodes: { id: string }[]; edges: { key: string }[] };
      return { nodes: json.nodes.map((n) => n.id), edges: json.edges.map((e) => e.key) };
    }
    case 'cytoscape': {
      const json = JSON.parse(text) as { elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] } };
      return { nodes: json.elements.nodes.map((n) => n.data.id), edges: json.elements.edges.map((e) => e.data.id) };
    }
  }
}

/**
 * The ties behind a file's edge ids: an edge that merges parallel ties
 * (parallel=merge, the GEXF and GraphML default) has their ids joined by "+".
 */
export function tieIds(edgeIds: readonly string[]): string[] {
  return edgeIds.flatMap((id) => id.split('+'));
}
