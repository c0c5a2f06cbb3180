import type { ManagedTransaction } from 'neo4j-driver';
import type { ElementState } from '../curation/element-state.js';
import type { Database, RoundTripObserver } from './database.js';

/** What a revision did to its fact. */
export type RevisionAction = 'add' | 'update' | 'retract' | 'restore' | 'revert';

/** One immutable record of a change: written once, in the change's own transaction, never updated. */
export interface RevisionRecord {
  readonly id: string;
  readonly batchId: string;
  /** Position within its batch. */
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly actorName: string;
  readonly requestId: string;
  readonly action: RevisionAction;
  readonly element: 'entity' | 'relationship';
  readonly targetId: string;
  /** The fact's version after this change. */
  readonly version: number;
  /** JSON of the fact's state before (null when the change created it) and after. */
  readonly before: string | null;
  readonly after: string;
  /** Citations this change added (stored form). */
  readonly citations: readonly string[];
  readonly reason: string | null;
  /** For a revert: the revision it undid. */
  readonly revertOf: string | null;
}

/** Records a revision inside the change's transaction. */
export async function recordRevision(tx: ManagedTransaction, revision: RevisionRecord): Promise<void> {
  await tx.run('CREATE (v:Revision) SET v = $revision, v.version = toInteger($revision.version), v.seq = toInteger($revision.seq)', {
    revision: Object.fromEntries(Object.entries(revision).filter(([, value]) => value !== null)),
  });
}

/** JSON of a state, as stored in `before`/`after`. */
export function stateJson(state: ElementState | null): string | null {
  return state === null ? null : JSON.stringify(state);
}

/** A revision by id, inside a transaction (for reverts). */
export async function revisionById(tx: ManagedTransaction, id: string): Promise<RevisionRecord | null> {
  const result = await tx.run('MATCH (v:Revision {id: $id}) RETURN properties(v) AS v', { id });
  const record = result.records[0];
  return record ? toRevision(record.get('v') as Record<string, unknown>) : null;
}

/** Every revision of a fact, oldest first, in one round trip. */
export async function revisionsOf(db: Database, targetId: string, observe?: RoundTripObserver): Promise<RevisionRecord[]> {
  const rows = await db.read(
    'revisions-of',
    'MATCH (v:Revision {targetId: $id}) RETURN properties(v) AS v ORDER BY v.at, v.seq',
    { id: targetId },
    observe,
  );
  return rows.map((row) => toRevision(row['v'] as Record<string, unknown>));
}

/** The revisions of many facts, each oldest first, in key order: one round trip for a whole batch. */
export async function revisionsOfMany(db: Database, targetIds: readonly string[], observe?: RoundTripObserver): Promise<RevisionRecord[][]> {
  const rows = await db.read(
    'revisions-of-many',
    'UNWIND $ids AS id MATCH (v:Revision {targetId: id}) WITH id, v ORDER BY v.at, v.seq RETURN id, collect(properties(v)) AS revisions',
    { ids: targetIds },
    observe,
  );
  const byId = new Map(rows.map((row) => [String(row['id']), (row['revisions'] as Record<string, unknown>[]).map(toRevision)]));
  return targetIds.map((id) => byId.get(id) ?? []);
}

function toRevision(props: Record<string, unknown>): RevisionRecord {
  const str = (key: string): string | null => (typeof props[key] === 'string' ? props[key] : null);
  return {
    id: String(props['id']),
    batchId: String(props['batchId']),
    seq: Number(props['seq']),
    at: String(props['at']),
    actor: String(props['actor']),
    actorName: String(props['actorName']),
    requestId: String(props['requestId']),
    action: props['action'] as RevisionAction,
    element: props['element'] === 'relationship' ? 'relationship' : 'entity',
    targetId: String(props['targetId']),
    version: Number(props['version']),
    before: str('before'),
    after: String(props['after']),
    citations: Array.isArray(props['citations']) ? props['citations'].map(String) : [],
    reason: str('reason'),
    revertOf: str('revertOf'),
  };
}
