import type { EntityRecord, RelationshipRecord } from '../db/records.js';
import type { RelationshipType } from '../model/graph-model.js';
import type { DerivedTieKind } from '../model/layers.js';

/** One hidden node behind a derived tie, with the relationships joining it to the tie's two ends. */
export interface TieEvidence {
  readonly entity: EntityRecord;
  readonly relationships: readonly RelationshipRecord[];
}

/**
 * An edge of the network view: either one stored relationship between two shown
 * nodes (`derived: false`), or a tie computed from the hidden nodes (events,
 * treaties, statements ...) that both ends are linked to (`derived: true`).
 * Derived ties are never stored: they are recomputed from the evidence on every read.
 */
export interface Tie {
  /** The relationship id, or `KIND:a:b` for a derived tie (ends in key order). */
  readonly id: string;
  readonly kind: RelationshipType | DerivedTieKind;
  readonly derived: boolean;
  /** Start key: the relationship's start, or the smaller key of a derived tie. */
  readonly from: string;
  readonly to: string;
  /** The stored relationship, for a direct tie. */
  readonly relationship: RelationshipRecord | null;
  /** For a derived tie: every hidden node behind it, in key order. Empty for a direct tie. */
  readonly evidence: readonly TieEvidence[];
  /** How many pieces of evidence: 1 for a direct tie, the number of hidden nodes for a derived one. */
  readonly weight: number;
  /** First day the tie is known to hold (earliest date behind it), if any. */
  readonly firstDate: string | null;
  /** Last day it is known to hold; null when open-ended or undated. */
  readonly lastDate: string | null;
  /** Every citation behind it (the relationship's, or the evidence relationships' and hidden nodes'). */
  readonly citations: readonly string[];
}

/** What a shown node of a network carries besides the entity. */
export interface NetworkNode {
  readonly entity: EntityRecord;
  /** Relationships of any type in the whole stored graph: what the hub penalty reads. */
  readonly storedDegree: number;
}

/** A network view: shown nodes and the ties among them. */
export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly ties: readonly Tie[];
}
