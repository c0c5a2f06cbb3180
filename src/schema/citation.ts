import { builder } from '../builder.js';
import { parseCitation, type Citation } from '../model/citation.js';
import type { EntityRecord } from '../db/records.js';
import { SourceRef } from './entity-refs.js';

export const CitationRef = builder.objectRef<Citation>('Citation').implement({
  description: 'Where a fact comes from: a line range of one source document.',
  fields: (t) => ({
    document: t.exposeString('document', { description: 'The document file name (under shared/seeds/).' }),
    startLine: t.exposeInt('startLine', { description: 'First cited line, 1-based.' }),
    endLine: t.exposeInt('endLine', { description: 'Last cited line, inclusive.' }),
    reference: t.string({
      description: 'The compact form `file.txt:12-14`, as used in exports.',
      resolve: (c) => (c.startLine === c.endLine ? `${c.document}:${c.startLine}` : `${c.document}:${c.startLine}-${c.endLine}`),
    }),
    quote: t.string({
      nullable: true,
      description:
        'The text of the cited lines, exactly as in the document, lines joined by a newline, so a reader can check the fact where it is shown. ' +
        'Read at start from SEED_DOCUMENTS_DIR (default ../shared/seeds beside the project): the repository keeps no copy of the documents. ' +
        'Null when that folder does not hold the document, or holds a version other than the one the seed cites (SHA-256 in seed/documents.json).',
      resolve: (c, _args, ctx) => ctx.documents.quote(c.document, c.startLine, c.endLine),
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The source document: title, authors, publisher.',
      resolve: (c, _args, ctx) => ctx.loaders.source.load(c.document),
    }),
  }),
});

/** Parses stored citation strings; malformed ones (never written by the loader) are skipped. */
export function citationsOf(stored: readonly string[]): Citation[] {
  return stored.map((text) => parseCitation(text)).filter((c): c is Citation => typeof c !== 'string');
}

export type { EntityRecord };
