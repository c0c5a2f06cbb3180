/**
 * A citation points at a line range of one source document. It is stored on
 * nodes and relationships as the compact string `file.txt:12-14` (Neo4j
 * properties cannot hold maps), and parsed back at the database boundary.
 */
export interface Citation {
  readonly document: string;
  readonly startLine: number;
  readonly endLine: number;
}

const CITATION = /^(?:(?<document>[\w.-]+\.txt):)?(?<start>\d+)(?:-(?<end>\d+))?$/;

/**
 * Parses `12`, `12-14` or `file.txt:12-14`; a bare range belongs to `defaultDocument`.
 * Returns an error message instead of throwing, so validators can collect every problem.
 */
export function parseCitation(text: string, defaultDocument?: string): Citation | string {
  const match = CITATION.exec(text.trim());
  const groups = match?.groups;
  if (!groups) return `malformed citation "${text}" (expected "12", "12-14" or "file.txt:12-14")`;
  const document = groups['document'] ?? defaultDocument;
  if (!document) return `citation "${text}" names no document`;
  const startLine = Number(groups['start']);
  const endLine = groups['end'] === undefined ? startLine : Number(groups['end']);
  if (startLine < 1 || endLine < startLine) return `citation "${text}" has an empty or inverted line range`;
  return { document, startLine, endLine };
}

/** The compact stored form, `file.txt:12-14` (or `file.txt:12` for one line). */
export function formatCitation({ document, startLine, endLine }: Citation): string {
  return startLine === endLine ? `${document}:${startLine}` : `${document}:${startLine}-${endLine}`;
}

/**
 * A citation of a source without text lines (added through curation): a page
 * and/or a quote given by the curator, or the document as a whole. Stored as
 * `file.txt#page=12&quote=...` (the quote URI-encoded) or `file.txt#document`.
 */
export interface PageCitation {
  readonly document: string;
  readonly page: number | null;
  readonly quote: string | null;
}

const PAGE_CITATION = /^(?<document>[\w.-]+\.txt)#(?<rest>.*)$/;

/** Parses the stored page/quote form; null when `text` is not one. */
export function parsePageCitation(text: string): PageCitation | null {
  const groups = PAGE_CITATION.exec(text)?.groups;
  if (!groups) return null;
  const document = groups['document'] ?? '';
  const rest = groups['rest'] ?? '';
  if (rest === 'document') return { document, page: null, quote: null };
  const params = new URLSearchParams(rest.replaceAll('+', '%2B'));
  const page = params.get('page');
  const quote = params.get('quote');
  if (page === null && quote === null) return null;
  return { document, page: page !== null && /^\d+$/.test(page) ? Number(page) : null, quote };
}

/** The stored form of a page/quote citation. */
export function formatPageCitation({ document, page, quote }: PageCitation): string {
  const parts = [...(page !== null ? [`page=${page}`] : []), ...(quote !== null ? [`quote=${encodeURIComponent(quote)}`] : [])];
  return `${document}#${parts.length > 0 ? parts.join('&') : 'document'}`;
}
