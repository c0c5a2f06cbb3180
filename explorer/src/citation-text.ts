/** How citations and dates read on the page. */
import type { CitationView } from './api.js';

/** "lines 12–14" or "line 12". */
export function lineRange(citation: CitationView): string {
  return citation.startLine === citation.endLine ? `line ${citation.startLine}` : `lines ${citation.startLine}–${citation.endLine}`;
}

/** "Bart Gaens, Marcin Kaczmarek", or null when the document names no author. */
export function authorList(citation: CitationView): string | null {
  const authors = citation.source?.authors ?? [];
  return authors.length > 0 ? authors.join(', ') : null;
}

/**
 * A date span for display, at the precision it was stated: "2016-12-15",
 * "2018-09", "1804 – 1805", "from 2014", "until 2016"; null when undated.
 */
export function dateSpan(from: string | null, to: string | null): string | null {
  if (from === null && to === null) return null;
  if (from === null) return `until ${to ?? ''}`;
  if (to === null) return `from ${from}`;
  let [a, b] = [from, to];
  if (a.endsWith('-01-01') && b.endsWith('-12-31')) [a, b] = [a.slice(0, 4), b.slice(0, 4)];
  else if (a.endsWith('-01') && b.length === 10 && isLastDayOfMonth(b)) [a, b] = [a.slice(0, 7), b.slice(0, 7)];
  return a === b ? a : `${a} – ${b}`;
}

function isLastDayOfMonth(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.getUTCDate() === 1;
}

/** One document's evidence: its readable source and the cited line ranges, in order, merged where they touch. */
export interface DocumentEvidence {
  readonly document: string;
  readonly source: CitationView['source'];
  readonly ranges: readonly { readonly startLine: number; readonly endLine: number; readonly quote: string | null }[];
}

/**
 * Citations grouped per document (one entry per document, not per line),
 * documents in first-cited order, ranges sorted; overlapping or adjacent
 * ranges are merged (their quotes joined line by line, when the API sends quotes).
 */
export function evidenceByDocument(citations: readonly CitationView[]): DocumentEvidence[] {
  const byDocument = new Map<string, { source: CitationView['source']; ranges: { startLine: number; endLine: number; quote: string | null }[] }>();
  for (const citation of citations) {
    let entry = byDocument.get(citation.document);
    if (!entry) {
      entry = { source: citation.source, ranges: [] };
      byDocument.set(citation.document, entry);
    }
    entry.ranges.push({ startLine: citation.startLine, endLine: citation.endLine, quote: citation.quote ?? null });
  }
  return [...byDocument].map(([document, { source, ranges }]) => {
    const sorted = ranges.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
    const merged: { startLine: number; endLine: number; quote: string | null }[] = [];
    for (const range of sorted) {
      const last = merged[merged.length - 1];
      if (last && range.startLine <= last.endLine + 1) {
        if (range.endLine > last.endLine) {
          // Quote only the new lines of a range that reaches further.
          const extra = range.quote === null ? null : range.quote.split('\n').slice(Math.max(0, last.endLine - range.startLine + 1)).join('\n');
          last.quote = last.quote === null ? range.quote : extra ? `${last.quote}\n${extra}` : last.quote;
          last.endLine = range.endLine;
        } else if (last.quote === null) last.quote = range.quote;
      } else merged.push({ ...range });
    }
    return { document, source, ranges: merged };
  });
}
