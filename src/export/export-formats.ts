import type { ExportGraph } from './attribute-schema.js';
import { writeEdgeCsv, writeNodeCsv } from './csv-writer.js';
import { writeCytoscape } from './cytoscape-writer.js';
import { writeGexf } from './gexf-writer.js';
import { writeGraphml } from './graphml-writer.js';
import { writeNodeLink } from './node-link-writer.js';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv-nodes', 'csv-edges', 'node-link', 'cytoscape'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface WriterOptions {
  readonly dynamic: boolean;
  /** ISO day, for file metadata. */
  readonly today: string;
}

export interface FormatSpec {
  /**
   * GraphML and GEXF have no registered media type; `application/xml` (RFC 7303)
   * is the registered one every XML tool accepts, and the file name says which
   * dialect it is. CSV says its header row is present (RFC 4180).
   */
  readonly contentType: string;
  /** Appended to the file name's stem. */
  readonly fileSuffix: string;
  /** Whether the format has a time-aware (dynamic) variant. */
  readonly dynamic: boolean;
  readonly write: (graph: ExportGraph, options: WriterOptions) => AsyncGenerator<string>;
}

const XML = 'application/xml; charset=utf-8';
const CSV = 'text/csv; charset=utf-8; header=present';
const JSON_TYPE = 'application/json; charset=utf-8';

export const FORMATS: Readonly<Record<ExportFormat, FormatSpec>> = {
  graphml: { contentType: XML, fileSuffix: '.graphml', dynamic: false, write: (g) => writeGraphml(g) },
  gexf: { contentType: XML, fileSuffix: '.gexf', dynamic: true, write: (g, o) => writeGexf(g, o) },
  'csv-nodes': { contentType: CSV, fileSuffix: '-nodes.csv', dynamic: false, write: (g) => writeNodeCsv(g) },
  'csv-edges': { contentType: CSV, fileSuffix: '-edges.csv', dynamic: false, write: (g) => writeEdgeCsv(g) },
  'node-link': { contentType: JSON_TYPE, fileSuffix: '.node-link.json', dynamic: false, write: (g) => writeNodeLink(g) },
  cytoscape: { contentType: JSON_TYPE, fileSuffix: '.cyjs', dynamic: false, write: (g) => writeCytoscape(g) },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
