import type { RawSearchHit } from '../db/search-store.js';
import type { EntityLabel } from '../model/graph-model.js';
import { highlight, type Highlight } from './highlight.js';
import { searchTerms } from './lucene-query.js';

/** How a hit matched, best first. */
export type MatchKind = 'EXACT' | 'PREFIX' | 'NAME' | 'TEXT';

export interface RankedHit {
  readonly entity: RawSearchHit['entity'];
  readonly score: number;
  readonly match: MatchKind;
  /** What the user typed: highlights are computed from it only when a client selects them. */
  readonly query: string;
  /** Relationship text through which the entity matched, in the order the hits came. */
  readonly relations: readonly NonNullable<RawSearchHit['relation']>[];
}

const TIER: Record<MatchKind, number> = { EXACT: 0, PREFIX: 1, NAME: 2, TEXT: 3 };

/**
 * The prior for actors over evidence: within a tier, a figure, statement,
 * source or sanction that merely mentions a name ranks after the actors,
 * places and agreements that bear it (their Lucene score counts half).
 */
export const EVIDENCE_KINDS: readonly EntityLabel[] = ['Observation', 'Statement', 'Source', 'Sanction'];
const EVIDENCE_WEIGHT = 0.5;

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);
const startsWith = (a: readonly string[], b: readonly string[]): boolean => b.length <= a.length && b.every((t, i) => (i === b.length - 1 ? (a[i] ?? '').startsWith(t) : a[i] === t));

/** How `entity` matches `query` by name: the whole name or an alias, a prefix of one, or neither. */
export function nameMatch(entity: RawSearchHit['entity'], query: string): MatchKind | null {
  return matchOfTerms(entity, searchTerms(query));
}

/** `nameMatch` for a query already split into its terms (once per search, not once per hit). */
function matchOfTerms(entity: RawSearchHit['entity'], terms: readonly string[]): MatchKind | null {
  const names = [entity.name, ...entity.aliases].map(searchTerms);
  if (names.some((name) => same(name, terms))) return 'EXACT';
  if (names.some((name) => startsWith(name, terms))) return 'PREFIX';
  return null;
}

/**
 * Merges name hits and text hits into one ranking: exact name or alias
 * matches of the whole query first, then prefixes, then other name matches
 * (fuzzy, partial), then text-only matches; within each, Lucene's score with
 * the evidence prior, then the name. Each entity appears once, with where it matched.
 */
export function rankHits(query: string, nameHits: readonly RawSearchHit[], textHits: readonly RawSearchHit[], limit: number): RankedHit[] {
  const byKey = new Map<string, RankedHit>();
  const terms = searchTerms(query);
  const add = (hit: RawSearchHit, fromText: boolean): void => {
    const { entity } = hit;
    const relations = hit.relation ? [hit.relation] : [];
    const match: MatchKind = fromText ? 'TEXT' : (matchOfTerms(entity, terms) ?? 'NAME');
    const weight = EVIDENCE_KINDS.includes(entity.label) ? EVIDENCE_WEIGHT : 1;
    const ranked: RankedHit = { entity, score: hit.score * weight, match, query, relations };
    const previous = byKey.get(entity.key);
    if (!previous) {
      byKey.set(entity.key, ranked);
    } else if (TIER[match] < TIER[previous.match]) {
      byKey.set(entity.key, { ...ranked, relations: [...ranked.relations, ...previous.relations] });
    } else {
      byKey.set(entity.key, { ...previous, relations: [...previous.relations, ...ranked.relations] });
    }
  };
  for (const hit of nameHits) add(hit, false);
  for (const hit of textHits) add(hit, true);
  return [...byKey.values()]
    .sort((a, b) => TIER[a.match] - TIER[b.match] || b.score - a.score || a.entity.name.localeCompare(b.entity.name) || a.entity.key.localeCompare(b.entity.key))
    .slice(0, limit);
}

/**
 * Where the query's words occur in a ranked hit: its name, aliases,
 * description, measure and qualifier, then each relationship text it matched
 * through; each field and fragment once. Only the page's hits whose
 * highlights a client selects pay for this.
 */
export function hitHighlights(hit: RankedHit): Highlight[] {
  const { entity, query } = hit;
  const highlights: Highlight[] = [];
  const seen = new Set<string>();
  const push = (h: Highlight | null): void => {
    if (!h) return;
    const key = `${h.field}\u0000${h.fragment}`;
    if (seen.has(key)) return;
    seen.add(key);
    highlights.push(h);
  };
  push(highlight('name', entity.name, query));
  for (const alias of entity.aliases) push(highlight('alias', alias, query));
  if (entity.description) push(highlight('description', entity.description, query));
  for (const field of ['measure', 'qualifier']) {
    const value = entity.props[field];
    if (typeof value === 'string') push(highlight(field, value, query));
  }
  for (const relation of hit.relations) push(highlight('relation', `${relation.text} (${relation.otherName})`, query));
  return highlights;
}
