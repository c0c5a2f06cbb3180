import { searchTerms } from './lucene-query.js';

/** Where a search word was found in one field, with the fragment around it. */
export interface Highlight {
  /** `name`, `alias`, `description`, `measure`, `qualifier` or `relation`. */
  readonly field: string;
  /** Up to about 160 characters of the field around the first match. */
  readonly fragment: string;
  /** Each matched word within `fragment`, as [start, end) character offsets. */
  readonly matches: readonly { readonly start: number; readonly end: number }[];
}

const RADIUS = 80;

/** Folds text one character at a time (case, diacritics), keeping a map back to the original offsets. */
function foldWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = (text[i] ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const ch of piece) {
      folded += ch;
      origin.push(i);
    }
  }
  origin.push(text.length);
  return { folded, origin };
}

/**
 * The words of `query` found in `text` (whole words or word prefixes, folded
 * like the index), and a fragment around the first one; null when none is found.
 */
export function highlight(field: string, text: string, query: string): Highlight | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const { folded, origin } = foldWithOffsets(text);
  const ranges: { start: number; end: number }[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(folded); m; m = word.exec(folded)) {
    const found = m[0];
    const matched = terms.find((term) => found.startsWith(term));
    if (matched) ranges.push({ start: origin[m.index] ?? 0, end: origin[m.index + matched.length] ?? text.length });
  }
  const first = ranges[0];
  if (!first) return null;
  const from = Math.max(0, first.start - RADIUS);
  const to = Math.min(text.length, first.end + RADIUS);
  return {
    field,
    fragment: text.slice(from, to),
    matches: ranges.filter((r) => r.start >= from && r.end <= to).map((r) => ({ start: r.start - from, end: r.end - from })),
  };
}
