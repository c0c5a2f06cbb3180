import { randomUUID, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Actor } from '../auth/authenticate.js';
import type { EntityState, RelationshipState } from '../curation/element-state.js';
import { curationError } from '../curation/errors.js';
import {
  clip,
  newEntityProperties,
  newRelationshipProperties,
  updatedEntity,
  updatedRelationship,
  type CitationInput,
  type Operation,
  type TargetInput,
} from '../curation/operations.js';
import { formatCitation, formatPageCitation } from '../model/citation.js';
import { RELATIONSHIPS } from '../model/graph-model.js';
import { lineCountsOf, readDocumentManifest } from '../seed/documents.js';
import type { Database, RoundTripObserver } from './database.js';
import {
  archivedWith,
  liveKinds,
  lockEntity,
  lockRelationship,
  relationshipIdsOf,
  writeEntity,
  writeRelationship,
} from './element-store.js';
import { recordRevision, revisionById, revisionsOf, stateJson, type RevisionAction, type RevisionRecord } from './revisions.js';

const SEED_DIRECTORY = fileURLToPath(new URL('../../seed', import.meta.url));
/** Line counts of the seed documents (their text is not in the database). */
let seedLineCounts: Promise<Map<string, number>> | undefined;

/** Who makes a batch, why, and under which request. */
export interface BatchMeta {
  readonly actor: Actor;
  readonly requestId: string;
  readonly reason: string | null;
}

/** A batch in progress: its id, time, and the revisions written so far. */
interface Batch extends BatchMeta {
  readonly tx: ManagedTransaction;
  readonly id: string;
  readonly at: string;
  readonly revisions: RevisionRecord[];
  readonly sources: Map<string, { fileName: string; lines: number | null }>;
}

/**
 * Runs curation batches: every operation of a batch, and a revision for every
 * fact it changes, in one write transaction, so a batch lands whole or not at all.
 */
export class CurationStore {
  constructor(
    private readonly db: Database,
    private readonly observe?: RoundTripObserver,
  ) {}

  /** Applies the operations in order; any refusal rolls the whole batch back. Returns the revisions written. */
  async apply(operations: readonly Operation[], meta: BatchMeta): Promise<RevisionRecord[]> {
    seedLineCounts ??= readDocumentManifest(SEED_DIRECTORY).then(lineCountsOf);
    const started = performance.now();
    try {
      return await this.db.write('curate', async (tx) => {
        const batch: Batch = { ...meta, tx, id: randomUUID(), at: new Date().toISOString(), revisions: [], sources: new Map() };
        for (const [index, operation] of operations.entries()) {
          try {
            await applyOne(batch, operation);
          } catch (error) {
            throw located(error, index, operation.op);
          }
        }
        return batch.revisions;
      });
    } catch (error) {
      // Two batches creating the same id at once: the uniqueness constraint decides, the loser hears why.
      if (error instanceof Error && 'code' in error && String(error.code).includes('ConstraintValidationFailed')) {
        throw curationError('CONFLICT', 'another request created a fact with the same id at the same time; read it and retry');
      }
      throw error;
    } finally {
      this.observe?.('curate', performance.now() - started, false);
    }
  }

  /** Every revision of an entity or relationship, oldest first. */
  history(id: string): Promise<RevisionRecord[]> {
    return revisionsOf(this.db, id, this.observe);
  }
}

/** Prefixes a refusal with where in the batch it happened. */
function located(error: unknown, index: number, op: string): unknown {
  if (error instanceof Error && 'extensions' in error) {
    const graphqlError = error as Error & { extensions: Record<string, unknown> };
    if (graphqlError.message.startsWith('operations[')) return error;
    const code = graphqlError.extensions['code'] as Parameters<typeof curationError>[0];
    const { code: _code, http: _http, ...rest } = graphqlError.extensions;
    return curationError(code, `operations[${index}].${op}: ${graphqlError.message}`, { ...rest, operation: index });
  }
  return error;
}

async function applyOne(batch: Batch, operation: Operation): Promise<void> {
  switch (operation.op) {
    case 'addSource':
      return addSource(batch, operation.input);
    case 'addEntity': {
      const input = operation.input;
      const existing = await lockEntity(batch.tx, input.id);
      if (existing) throw curationError('CONFLICT', `an entity "${input.id}" exists already${existing.retraction ? ' (retracted: restore it instead)' : ''}`, { currentVersion: existing.version });
      const citations = await resolveCitations(batch, input.citations ?? []);
      await checkAliasUsers(batch, input.aliases?.map((a) => a.usedBy) ?? []);
      const after: EntityState = {
        element: 'entity',
        id: input.id,
        kind: input.kind,
        name: input.name.trim(),
        description: input.description?.trim() ?? null,
        aliases: (input.aliases ?? []).map((a) => (a.usedBy ? { name: a.name.trim(), usedBy: a.usedBy } : { name: a.name.trim() })),
        properties: newEntityProperties(input),
        citations,
        origin: 'curated',
        version: 1,
        retraction: null,
      };
      await writeEntity(batch.tx, null, after);
      return record(batch, 'add', null, after, citations);
    }
    case 'updateEntity': {
      const input = operation.input;
      const current = await liveEntity(batch, input);
      const citations = await resolveCitations(batch, input.citations ?? []);
      await checkAliasUsers(batch, input.addAliases?.map((a) => a.usedBy) ?? []);
      const after = refuseProblems((report) => updatedEntity(current, input, citations, report));
      await writeEntity(batch.tx, current, after);
      return record(batch, 'update', current, after, citations);
    }
    case 'retractEntity':
      return retractEntity(batch, await liveEntity(batch, operation.input), null);
    case 'restoreEntity': {
      const current = await existing(batch, operation.input, 'entity');
      if (!current.retraction) throw curationError('CONFLICT', `entity "${current.id}" is not retracted`, { currentVersion: current.version });
      return restoreEntity(batch, current, 'restore', null);
    }
    case 'addRelationship': {
      const input = operation.input;
      const kinds = await liveKinds(batch.tx, [input.from, input.to]);
      const spec = RELATIONSHIPS[input.type];
      for (const [end, key, allowed] of [['from', input.from, spec.from], ['to', input.to, spec.to]] as const) {
        const kind = kinds.get(key);
        if (!kind) throw curationError('NOT_FOUND', `"${end}": no entity "${key}" (or it is retracted)`);
        if (allowed !== 'Entity' && !allowed.includes(kind)) {
          throw curationError('BAD_USER_INPUT', `${input.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${kind} (allowed: ${allowed.join(', ')})`);
        }
      }
      const properties = newRelationshipProperties(input);
      const beneficiary = properties['beneficiary'];
      if (typeof beneficiary === 'string' && !(await liveKinds(batch.tx, [beneficiary])).has(beneficiary)) {
        throw curationError('NOT_FOUND', `beneficiary "${clip(beneficiary)}" is not an entity id`);
      }
      const citations = await resolveCitations(batch, input.citations ?? []);
      const after: RelationshipState = {
        element: 'relationship',
        id: randomBytes(8).toString('hex'),
        type: input.type,
        from: input.from,
        to: input.to,
        properties,
        citations,
        origin: 'curated',
        version: 1,
        retraction: null,
      };
      await writeRelationship(batch.tx, null, after);
      return record(batch, 'add', null, after, citations);
    }
    case 'updateRelationship': {
      const input = operation.input;
      const current = await liveRelationship(batch, input);
      const citations = await resolveCitations(batch, input.citations ?? []);
      const after = refuseProblems((report) => updatedRelationship(current, input, citations, report));
      await writeRelationship(batch.tx, current, after);
      return record(batch, 'update', current, after, citations);
    }
    case 'retractRelationship':
      return retractRelationship(batch, await liveRelationship(batch, operation.input), null);
    case 'restoreRelationship': {
      const current = await existing(batch, operation.input, 'relationship');
      if (!current.retraction) throw curationError('CONFLICT', `relationship "${current.id}" is not retracted`, { currentVersion: current.version });
      return restoreRelationship(batch, current, 'restore', null);
    }
    case 'revertRevision':
      return revert(batch, operation.input.revisionId);
  }
}

async function addSource(batch: Batch, input: Extract<Operation, { op: 'addSource' }>['input']): Promise<void> {
  const fileName = `${input.id}.txt`;
  const taken = await batch.tx.run('MATCH (s:Source) WHERE s.fileName = $fileName RETURN s.id AS id LIMIT 1', { fileName });
  if (taken.records.length > 0 || (await lockEntity(batch.tx, input.id))) throw curationError('CONFLICT', `a source "${input.id}" exists already`);
  const lines = input.lines ?? null;
  const properties: Record<string, string | readonly string[]> = { fileName, title: input.title.trim() };
  if (input.authors?.length) properties['authors'] = input.authors.map((a) => a.trim());
  if (input.publisher) properties['publisher'] = input.publisher.trim();
  if (input.date) properties['date'] = input.date;
  if (input.kind) properties['kind'] = input.kind.trim();
  // A source cites itself: its whole text, or the document as such when it has no lines.
  const citations = [lines && lines.length > 0 ? formatCitation({ document: fileName, startLine: 1, endLine: lines.length }) : formatPageCitation({ document: fileName, page: null, quote: null })];
  const after: EntityState = {
    element: 'entity',
    id: input.id,
    kind: 'Source',
    name: input.title.trim(),
    description: null,
    aliases: [],
    properties,
    citations,
    origin: 'curated',
    version: 1,
    retraction: null,
  };
  await writeEntity(batch.tx, null, after);
  if (lines) await batch.tx.run('CREATE (:SourceText {fileName: $fileName, lines: $lines})', { fileName, lines });
  batch.sources.set(input.id, { fileName, lines: lines?.length ?? null });
  batch.sources.set(fileName, { fileName, lines: lines?.length ?? null });
  await record(batch, 'add', null, after, citations);
}

async function retractEntity(batch: Batch, current: EntityState, revertOf: string | null): Promise<void> {
  const retraction = { by: batch.actor.id, at: batch.at, reason: batch.reason ?? '', cascadeOf: null };
  // Its relationships go with it (and come back with it): no live fact points at a retracted entity.
  for (const id of await relationshipIdsOf(batch.tx, current.id)) {
    const rel = await lockRelationship(batch.tx, id);
    if (rel && !rel.retraction) {
      const after: RelationshipState = { ...rel, version: rel.version + 1, retraction: { ...retraction, cascadeOf: current.id } };
      await writeRelationship(batch.tx, rel, after);
      await record(batch, 'retract', rel, after, []);
    }
  }
  const after: EntityState = { ...current, version: current.version + 1, retraction };
  await writeEntity(batch.tx, current, after);
  await record(batch, revertOf ? 'revert' : 'retract', current, after, [], revertOf);
}

async function restoreEntity(batch: Batch, current: EntityState, action: RevisionAction, revertOf: string | null, target?: EntityState): Promise<void> {
  const after: EntityState = { ...(target ?? current), version: current.version + 1, retraction: null };
  await writeEntity(batch.tx, current, after);
  await record(batch, action, current, after, [], revertOf);
  for (const id of await archivedWith(batch.tx, current.id)) {
    const rel = await lockRelationship(batch.tx, id);
    if (rel?.retraction) {
      const restored: RelationshipState = { ...rel, version: rel.version + 1, retraction: null };
      // An end still retracted keeps the relationship archived until that end comes back too.
      if (await writeRelationship(batch.tx, rel, restored)) await record(batch, 'restore', rel, restored, []);
    }
  }
}

async function retractRelationship(batch: Batch, current: RelationshipState, revertOf: string | null): Promise<void> {
  const after: RelationshipState = { ...current, version: current.version + 1, retraction: { by: batch.actor.id, at: batch.at, reason: batch.reason ?? '', cascadeOf: null } };
  await writeRelationship(batch.tx, current, after);
  await record(batch, revertOf ? 'revert' : 'retract', current, after, [], revertOf);
}

async function restoreRelationship(batch: Batch, current: RelationshipState, action: RevisionAction, revertOf: string | null, target?: RelationshipState): Promise<void> {
  const after: RelationshipState = { ...(target ?? current), version: current.version + 1, retraction: null };
  if (!(await writeRelationship(batch.tx, current, after))) {
    throw curationError('CONFLICT', `relationship "${current.id}" cannot come back while "${current.from}" or "${current.to}" is retracted: restore that entity first`);
  }
  await record(batch, action, current, after, [], revertOf);
}

/** Puts a fact back in the state it had before a revision (a new revision; the old one stays). */
async function revert(batch: Batch, revisionId: string): Promise<void> {
  const revision = await revisionById(batch.tx, revisionId);
  if (!revision) throw curationError('NOT_FOUND', `no revision "${revisionId}"`);
  const before = revision.before === null ? null : (JSON.parse(revision.before) as EntityState | RelationshipState);
  if (revision.element === 'entity') {
    const current = await lockEntity(batch.tx, revision.targetId);
    if (!current) throw curationError('NOT_FOUND', `entity "${revision.targetId}" no longer exists`);
    const target = before as EntityState | null;
    if (target === null || target.retraction) {
      if (current.retraction) throw curationError('CONFLICT', `entity "${current.id}" is retracted already`);
      return retractEntity(batch, current, revision.id);
    }
    if (current.retraction) return restoreEntity(batch, current, 'revert', revision.id, target);
    const after: EntityState = { ...target, version: current.version + 1, retraction: null };
    await writeEntity(batch.tx, current, after);
    return record(batch, 'revert', current, after, [], revision.id);
  }
  const current = await lockRelationship(batch.tx, revision.targetId);
  if (!current) throw curationError('NOT_FOUND', `relationship "${revision.targetId}" no longer exists`);
  const target = before as RelationshipState | null;
  if (target === null || target.retraction) {
    if (current.retraction) throw curationError('CONFLICT', `relationship "${current.id}" is retracted already`);
    return retractRelationship(batch, current, revision.id);
  }
  if (current.retraction) return restoreRelationship(batch, current, 'revert', revision.id, target);
  const after: RelationshipState = { ...target, version: current.version + 1, retraction: null };
  await writeRelationship(batch.tx, current, after);
  return record(batch, 'revert', current, after, [], revision.id);
}

async function existing(batch: Batch, input: TargetInput, element: 'entity'): Promise<EntityState>;
async function existing(batch: Batch, input: TargetInput, element: 'relationship'): Promise<RelationshipState>;
async function existing(batch: Batch, input: TargetInput, element: 'entity' | 'relationship'): Promise<EntityState | RelationshipState> {
  const current = element === 'entity' ? await lockEntity(batch.tx, input.id) : await lockRelationship(batch.tx, input.id);
  if (!current) throw curationError('NOT_FOUND', `no ${element} "${input.id}"`);
  if (input.expectedVersion !== null && input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw curationError('CONFLICT', `${element} "${input.id}" is at version ${current.version}, not ${input.expectedVersion}: someone changed it since you read it; read it again and retry`, {
      currentVersion: current.version,
    });
  }
  return current;
}

async function liveEntity(batch: Batch, input: TargetInput): Promise<EntityState> {
  const current = await existing(batch, input, 'entity');
  if (current.retraction) throw curationError('CONFLICT', `entity "${input.id}" is retracted: restore it first`, { currentVersion: current.version });
  return current;
}

async function liveRelationship(batch: Batch, input: TargetInput): Promise<RelationshipState> {
  const current = await existing(batch, input, 'relationship');
  if (current.retraction) throw curationError('CONFLICT', `relationship "${input.id}" is retracted: restore it first`, { currentVersion: current.version });
  return current;
}

/** Turns citation inputs into stored citations, checking that each source exists and each line range is inside it. */
async function resolveCitations(batch: Batch, inputs: readonly CitationInput[]): Promise<string[]> {
  const counts = await (seedLineCounts ?? Promise.resolve(new Map<string, number>()));
  const citations: string[] = [];
  for (const [i, c] of inputs.entries()) {
    let source = batch.sources.get(c.source);
    if (!source) {
      const result = await batch.tx.run(
        `MATCH (s:Source) WHERE s.id = $source OR s.fileName = $source
         OPTIONAL MATCH (t:SourceText {fileName: s.fileName})
         RETURN s.fileName AS fileName, size(t.lines) AS lines LIMIT 1`,
        { source: c.source },
      );
      const row = result.records[0];
      if (!row) throw curationError('NOT_FOUND', `citations[${i}]: no source "${clip(c.source)}" (add it with addSource first)`);
      const fileName = String(row.get('fileName'));
      const lines = row.get('lines') as { toNumber(): number } | null;
      source = { fileName, lines: lines !== null ? lines.toNumber() : (counts.get(fileName) ?? null) };
      batch.sources.set(c.source, source);
    }
    if (c.lines !== null && c.lines !== undefined) {
      const [start = 0, end = start] = c.lines.split('-').map(Number);
      if (source.lines === null) throw curationError('BAD_USER_INPUT', `citations[${i}]: source "${clip(c.source)}" has no text lines; cite a page or a quote`);
      if (end > source.lines) throw curationError('BAD_USER_INPUT', `citations[${i}]: lines ${c.lines} run past the end of ${source.fileName} (${source.lines} lines)`);
      citations.push(formatCitation({ document: source.fileName, startLine: start, endLine: end }));
    } else {
      citations.push(formatPageCitation({ document: source.fileName, page: c.page ?? null, quote: c.quote?.trim() ?? null }));
    }
  }
  return citations;
}

async function checkAliasUsers(batch: Batch, users: readonly (string | null | undefined)[]): Promise<void> {
  const ids = users.filter((u): u is string => typeof u === 'string');
  if (ids.length === 0) return;
  const live = await liveKinds(batch.tx, ids);
  const missing = ids.find((id) => !live.has(id));
  if (missing) throw curationError('NOT_FOUND', `alias usedBy "${clip(missing)}" is not an entity id`);
}

/** Runs a state change that reports problems; refuses with all of them. */
function refuseProblems<T>(change: (report: (message: string) => void) => T): T {
  const problems: string[] = [];
  const result = change((message) => problems.push(message));
  if (problems.length > 0) throw curationError('BAD_USER_INPUT', problems.join('; '), { problems });
  return result;
}

async function record(
  batch: Batch,
  action: RevisionAction,
  before: EntityState | RelationshipState | null,
  after: EntityState | RelationshipState,
  citations: readonly string[],
  revertOf: string | null = null,
): Promise<void> {
  const revision: RevisionRecord = {
    id: randomUUID(),
    batchId: batch.id,
    seq: batch.revisions.length,
    at: batch.at,
    actor: batch.actor.id,
    actorName: batch.actor.name,
    requestId: batch.requestId,
    action,
    element: after.element,
    targetId: after.id,
    version: after.version,
    before: stateJson(before),
    after: stateJson(after) ?? '{}',
    citations,
    reason: batch.reason,
    revertOf,
  };
  await recordRevision(batch.tx, revision);
  batch.revisions.push(revision);
}
