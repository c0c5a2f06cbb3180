import type { EntityRecord, RelationshipRecord } from '../db/records.js';
import { DERIVATIONS } from '../model/layers.js';
import type { Tie, TieEvidence } from './tie.js';

/** A hidden node (event, treaty, statement ...) and its deriving relationships to shown nodes. */
export interface HiddenNode {
  readonly entity: EntityRecord;
  readonly links: readonly { readonly relationship: RelationshipRecord; readonly other: string }[];
}

/** One tie per stored relationship between two shown nodes. */
export function directTies(relationships: readonly RelationshipRecord[]): Tie[] {
  return relationships.map((r) => {
    const first = str(r.props['validFrom']);
    const last = str(r.props['validTo']);
    return {
      id: r.id,
      kind: r.type,
      derived: false,
      from: r.from,
      to: r.to,
      relationship: r,
      evidence: [],
      weight: 1,
      firstDate: first,
      lastDate: last,
      citations: r.citations,
    };
  });
}

/**
 * The ties computed through hidden nodes: every pair of distinct shown nodes
 * linked to the same hidden node gets one tie of the kind the model assigns to
 * that node's label (two ministers at one summit → SHARED_EVENT), and all hidden
 * nodes behind the same pair and kind are merged into that tie as its evidence.
 * The ends are in key order (derived ties have no direction of their own).
 */
export function derivedTies(hidden: readonly HiddenNode[]): Tie[] {
  const byId = new Map<string, { kind: Tie['kind']; from: string; to: string; evidence: TieEvidence[] }>();
  for (const node of hidden) {
    const spec = DERIVATIONS[node.entity.label];
    if (!spec) continue;
    const byOther = new Map<string, RelationshipRecord[]>();
    for (const link of node.links) {
      if (link.other === node.entity.key) continue;
      byOther.set(link.other, [...(byOther.get(link.other) ?? []), link.relationship]);
    }
    const others = [...byOther.keys()].sort();
    for (let i = 0; i < others.length; i += 1) {
      for (let j = i + 1; j < others.length; j += 1) {
        const a = others[i]!;
        const b = others[j]!;
        const id = `${spec.kind}:${a}:${b}`;
        const tie = byId.get(id) ?? { kind: spec.kind, from: a, to: b, evidence: [] };
        tie.evidence.push({ entity: node.entity, relationships: [...byOther.get(a)!, ...byOther.get(b)!] });
        byId.set(id, tie);
      }
    }
  }
  return [...byId.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([id, t]) => {
      const evidence = t.evidence.sort((x, y) => (x.entity.key < y.entity.key ? -1 : 1));
      const { first, last } = span(evidence);
      return {
        id,
        kind: t.kind,
        derived: true,
        from: t.from,
        to: t.to,
        relationship: null,
        evidence,
        weight: evidence.length,
        firstDate: first,
        lastDate: last,
        citations: [...new Set(evidence.flatMap((e) => e.relationships.flatMap((r) => r.citations)))],
      };
    });
}

/**
 * When one piece of evidence held: a dated hidden node gives its own dates (a
 * summit, a statement); a treaty holds from its signing on, with no end unless
 * the documents say it was ended; otherwise the relationships' validity.
 */
export function evidenceSpan(evidence: TieEvidence): { first: string | null; last: string | null; open: boolean } {
  const { entity } = evidence;
  if (entity.label === 'Treaty' && entity.dateFrom !== null) {
    const ended = entity.props['status'] === 'terminated';
    return { first: entity.dateFrom, last: ended ? entity.dateTo : null, open: !ended };
  }
  if (entity.dateFrom !== null || entity.dateTo !== null) return { first: entity.dateFrom, last: entity.dateTo, open: false };
  const firsts = evidence.relationships.map((r) => str(r.props['validFrom'])).filter((d): d is string => d !== null);
  const lasts = evidence.relationships.map((r) => str(r.props['validTo'])).filter((d): d is string => d !== null);
  return { first: firsts.sort()[0] ?? null, last: lasts.sort().at(-1) ?? null, open: false };
}

/** The earliest first day and latest last day over all evidence; no last day if any evidence is still open. */
function span(evidence: readonly TieEvidence[]): { first: string | null; last: string | null } {
  const spans = evidence.map(evidenceSpan);
  const firsts = spans.map((s) => s.first).filter((d): d is string => d !== null).sort();
  const lasts = spans.map((s) => s.last).filter((d): d is string => d !== null).sort();
  const open = spans.some((s) => s.open);
  return { first: firsts[0] ?? null, last: open ? null : (lasts.at(-1) ?? null) };
}

/**
 * Whether a tie falls in a time window (ISO days, null = unbounded). An undated
 * tie is kept only when `undated` is `include`; an open-ended one (a treaty still
 * in force) reaches every later window.
 */
export function tieInWindow(tie: Tie, from: string | null, to: string | null, undated: 'include' | 'exclude'): boolean {
  if (tie.firstDate === null && tie.lastDate === null) return undated === 'include';
  if (to !== null && tie.firstDate !== null && tie.firstDate > to) return false;
  if (from !== null && tie.lastDate !== null && tie.lastDate < from) return false;
  return true;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
