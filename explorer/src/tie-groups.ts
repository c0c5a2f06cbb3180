/**
 * Parallel ties drawn as one line: relationships of the same type between
 * the same two entities in the same direction (four AFFECTS_TERRITORY from
 * one treaty to one island group) become one group, drawn once with a count.
 * Pure, so the rules are unit-tested (tests/unit/explorer/tie-groups.test.ts).
 */
import type { RelationshipView } from './api.js';

export interface TieGroup {
  /** The drawn line's id: its first member's id (members are ordered by id). */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly members: readonly RelationshipView[];
}

/** Longest caption drawn on a line; the full text shows on hover and in the details. */
export const CAPTION_LENGTH = 26;

/** Groups relationships into drawn ties, and maps each relationship id to its group's id. */
export function groupTies(edges: readonly RelationshipView[]): { groups: TieGroup[]; groupOf: Map<string, string> } {
  const byKey = new Map<string, RelationshipView[]>();
  for (const edge of edges) {
    // A retracted tie is never merged with a live one: it is drawn apart, for review.
    const key = `${edge.from}\u0000${edge.type}\u0000${edge.to}\u0000${edge.provenance === 'retracted' ? 'retracted' : 'live'}`;
    const list = byKey.get(key);
    if (list) list.push(edge);
    else byKey.set(key, [edge]);
  }
  const groups: TieGroup[] = [];
  const groupOf = new Map<string, string>();
  for (const list of byKey.values()) {
    const members = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = members[0]!;
    groups.push({ id: first.id, from: first.from, to: first.to, type: first.type, members });
    for (const member of members) groupOf.set(member.id, first.id);
  }
  return { groups, groupOf };
}

/** "AFFECTS_TERRITORY" → "affects territory". */
export function typePhrase(type: string): string {
  return type.toLowerCase().replaceAll('_', ' ');
}

/** Shortens text to `max` characters at a word boundary where it can, with an ellipsis. */
export function shorten(text: string, max = CAPTION_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What a tie's line says: the relation text of a single RELATED_TO (or any
 * tie with a `relation`), else the type in words; "4× affects territory"
 * for a group. `full` is the unshortened text, for hover.
 */
export function tieCaption(members: readonly RelationshipView[]): { short: string; full: string } {
  if (members.length === 0) return { short: '', full: '' };
  const type = members[0]!.type;
  const relations = [...new Set(members.map((m) => m.properties['relation']).filter((r): r is string => typeof r === 'string'))];
  const retracted = members[0]!.provenance === 'retracted' ? 'retracted: ' : '';
  if (members.length === 1) {
    const text = `${retracted}${relations[0] ?? typePhrase(type)}`;
    return { short: shorten(text), full: text };
  }
  const head = `${retracted}${members.length}× ${typePhrase(type)}`;
  return { short: head, full: relations.length > 0 ? `${head}: ${relations.join('; ')}` : head };
}
