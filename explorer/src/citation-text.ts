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
