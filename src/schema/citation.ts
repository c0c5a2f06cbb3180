import { builder } from '../builder.js';
import { formatPageCitation, parseCitation, parsePageCitation, type Citation, type PageCitation } from '../model/citation.js';
import type { EntityRecord } from '../db/records.js';
import { quoteLines } from '../db/source-text.js';
import { SourceRef } from './entity-refs.js';

/** A citation as the API shows it: a line range, or a page/quote of a source without lines. */
type CitationShape = Citation | PageCitation;

const isLines = (c: CitationShape): c is Citation => 'startLine' in c;

export const CitationRef = builder.objectRef<CitationShape>('Citation').implement({
  description:
    'Where a fact comes from: a line range of one source document or, for a document added without its text, a page and/or a quote the curator gave.',
  fields: (t) => ({
    document: t.exposeString('document', { description: 'The document file name (under shared/seeds/, or `<source id>.txt` for a source added through curation).' }),
    startLine: t.int({
      nullable: true,
      description: 'First cited line, 1-based; null for a page/quote citation.',
      resolve: (c) => (isLines(c) ? c.startLine : null),
    }),
    endLine: t.int({
      nullable: true,
      description: 'Last cited line, inclusive; null for a page/quote citation.',
      resolve: (c) => (isLines(c) ? c.endLine : null),
    }),
    page: t.int({
      nullable: true,
      description: 'For a source without text lines: the page the curator cited, if given.',
      resolve: (c) => (isLines(c) ? null : c.page),
    }),
    reference: t.string({
      description: 'The compact stored form: `file.txt:12-14`, or `file.txt#page=12&quote=...` for a page/quote citation, as used in exports.',
      resolve: (c) => (isLines(c) ? (c.startLine === c.endLine ? `${c.document}:${c.startLine}` : `${c.document}:${c.startLine}-${c.endLine}`) : formatPageCitation(c)),
    }),
    quote: t.string({
      nullable: true,
      description:
        'The cited text. For a line citation: the text of the cited lines, exactly as in the document, lines joined by a newline, so a reader can check the fact where it is shown; ' +
        'read at start from SEED_DOCUMENTS_DIR (default ../shared/seeds beside the project): the repository keeps no copy of the documents; ' +
        'null when that folder does not hold the document, or holds a version other than the one the seed cites (SHA-256 in seed/documents.json). ' +
        'For a line citation of a source added through curation with its text (`addSource(lines:)`): those lines as stored. ' +
        'For a page/quote citation: the quote the curator gave (null if they gave only a page).',
      resolve: async (c, _args, ctx) => {
        if (!isLines(c)) return c.quote;
        if (ctx.documents.lineCount(c.document) !== null) return ctx.documents.quote(c.document, c.startLine, c.endLine);
        const stored = await ctx.loaders.sourceText.load(c.document);
        return stored ? quoteLines(stored, c.startLine, c.endLine) : null;
      },
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The source document: title, authors, publisher.',
      resolve: (c, _args, ctx) => ctx.loaders.source.load(c.document),
    }),
  }),
});

/** Parses stored citation strings, line ranges and page/quote forms; malformed ones (never written) are skipped. */
export function citationsOf(stored: readonly string[]): CitationShape[] {
  return stored.flatMap((text): CitationShape[] => {
    const lines = parseCitation(text);
    if (typeof lines !== 'string') return [lines];
    const page = parsePageCitation(text);
    return page ? [page] : [];
  });
}

export type { EntityRecord };
