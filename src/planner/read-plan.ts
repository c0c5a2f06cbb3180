import type { CursorKey } from '../db/cursor.js';
import type { RelationshipArgs, RelationshipPage } from '../db/relationship-page.js';
import { toEntityRecord, toRelationshipRecord, type EntityRecord } from '../db/records.js';
import type { RelationshipLevel } from './plan.js';

/** Where decoded results go: the request's loaders, so that the resolvers find them without a round trip. */
export interface PlanSink {
  entity(record: EntityRecord): void;
  page(args: RelationshipArgs, key: string, page: RelationshipPage): void;
}

type RawItem = { r: unknown; m: unknown; outgoing: boolean; sub: Record<string, unknown> };

/**
 * Decodes the map that `compileLevels` projected for `entity` into relationship
 * pages (exactly as GraphStore.relationshipsOf builds them) and hands each,
 * with every related entity, to `sink`, level by level.
 */
export function readLevels(levels: readonly RelationshipLevel[], entity: EntityRecord, sub: Record<string, unknown>, sink: PlanSink): void {
  levels.forEach((level, i) => {
    if (level.labels && !level.labels.includes(entity.label)) return;
    const raw = (sub[`l${i}`] as RawItem[] | undefined) ?? [];
    const { size, withTotal } = level.args;
    const items = raw.map((x) => {
      const relationship = toRelationshipRecord(x.r);
      const other = toEntityRecord(x.m);
      // A lean record lacks most properties: the entity loader must not answer other fields from it.
      if (!level.args.lean) sink.entity(other);
      readLevels(level.children, other, x.sub, sink);
      return { relationship, other, outgoing: x.outgoing, key: [relationship.type, other.name, relationship.id] as CursorKey };
    });
    sink.page(level.args, entity.key, {
      total: withTotal ? Number(sub[`t${i}`] ?? 0) : null,
      items: items.slice(0, size),
      hasMore: items.length > size,
    });
  });
}
