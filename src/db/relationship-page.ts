import type { EntityRecord, RelationshipRecord } from './records.js';
import type { CursorKey } from './cursor.js';
import type { Direction } from './entity-filter.js';
import type { RelationshipType } from '../model/graph-model.js';

/** What one page of an entity's relationships is asked with (also the request loader's key). */
export interface RelationshipArgs {
  readonly types: readonly RelationshipType[] | null;
  readonly direction: Direction;
  readonly size: number;
  readonly after?: CursorKey;
  /** Count every match too (only when the client selects `totalCount`: on a hub the count is the costly part). */
  readonly withTotal: boolean;
  /**
   * The client asks only for what the lean projections hold (src/planner/lean-selection.ts):
   * a planned page then reads those properties alone. Absent when not lean.
   */
  readonly lean?: true;
}

export interface RelationshipItem {
  readonly relationship: RelationshipRecord;
  readonly other: EntityRecord;
  readonly outgoing: boolean;
  readonly key: CursorKey;
}

export interface RelationshipPage {
  /** Null when not asked for (`withTotal`). */
  readonly total: number | null;
  readonly items: readonly RelationshipItem[];
  readonly hasMore: boolean;
}

