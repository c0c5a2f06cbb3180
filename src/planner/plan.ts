import type { RelationshipArgs } from '../db/relationship-page.js';
import type { EntityLabel } from '../model/graph-model.js';

/**
 * A read plan: the relationship pages a selection asks for under each entity,
 * level by level. Each level is one page per entity, with the same arguments
 * (and so the same request-scoped loader key) that the field's resolver
 * would use; `children` are the pages asked for under each page's other ends.
 */
export interface RelationshipLevel {
  readonly args: RelationshipArgs;
  /** Only entities of these kinds get this page (a fragment's type condition); null: every entity. */
  readonly labels: readonly EntityLabel[] | null;
  readonly children: readonly RelationshipLevel[];
}

/** A relationship field whose types and direction are fixed (e.g. `Event.participants`). */
export interface FixedRelationshipField {
  readonly types: RelationshipArgs['types'];
  readonly direction: RelationshipArgs['direction'];
}
