/**
 * Turns whatever a user types into a safe Lucene query for the fulltext index.
 * Only letters and digits survive, so Lucene syntax in the input (quotes,
 * brackets, operators, wildcards) can never make the query fail; each word
 * matches exactly, as a prefix, or (in names) with one typo, and all words must match.
 */
export const MAX_SEARCH_LENGTH = 200;
const MAX_TERMS = 12;

export class InvalidSearchError extends Error {
  override name = 'InvalidSearchError';
}

/**
 * Words the fulltext indexes' analyzer (`standard-folding`) leaves out: Lucene's
 * English stop words. A query word among them can match nothing, and its
 * prefix clause (`to*`) would demand a word that starts with it.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** A possessive ending: the analyzer keeps "Putin's" whole, so the "s" is no word of its own. */
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/gu;

/** Letters and digits only, lower-cased and without diacritics (Shinzō → shinzo), possessive "'s" dropped. */
export function searchTerms(input: string): string[] {
  const folded = input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(POSSESSIVE, '');
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/**
 * How the words of a query combine (`all` must match, or `any`), and whether a
 * word may match with one typo. Names forgive typos (names are spelled many
 * ways: "Shinzo Abbe"); prose does not: over the far larger vocabulary of
 * descriptions and relation text a one-letter edit mostly finds other words
 * ("trade" → "grade"), such a hit has no fragment to show, and the fuzzy terms
 * were a third of what the text indexes cost per search (bench, 100k graph).
 */
export interface LuceneQueryOptions {
  readonly mode?: 'all' | 'any';
  readonly typos?: boolean;
}

export function toLuceneQuery(input: string, { mode = 'all', typos = true }: LuceneQueryOptions = {}): string {
  if (input.length > MAX_SEARCH_LENGTH) {
    throw new InvalidSearchError(`query is ${input.length} characters long; the limit is ${MAX_SEARCH_LENGTH}`);
  }
  const terms = searchTerms(input);
  if (terms.length === 0) throw new InvalidSearchError('query must contain at least one letter or digit');
  // Stop words are not in the index; a query of nothing else keeps them (its prefixes still find words).
  const words = terms.filter((term) => !STOP_WORDS.has(term));
  const clauses = (words.length > 0 ? words : terms).map((term) => {
    const options = [`${term}^3`, `${term}*`];
    if (typos && term.length >= 4) options.push(`${term}~1`);
    return `(${options.join(' OR ')})`;
  });
  const combined = clauses.join(mode === 'all' ? ' AND ' : ' OR ');
  // An exact phrase (a whole alias such as "Northern Territories") ranks first.
  return terms.length > 1 ? `"${terms.join(' ')}"^8 OR (${combined})` : combined;
}
