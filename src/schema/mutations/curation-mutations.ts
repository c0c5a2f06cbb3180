import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { RevisionRecord } from '../../db/revisions.js';
import { curationError } from '../../curation/errors.js';
import { checkOperation, OPERATION_NAMES, type Operation } from '../../curation/operations.js';
import {
  AddEntityInput,
  AddRelationshipInput,
  AddSourceInput,
  CurationOperationInput,
  RevertInput,
  TargetInput,
  UpdateEntityInput,
  UpdateRelationshipInput,
} from './curation-inputs.js';
import { RevisionRef } from './revision.js';

interface CurationResult {
  readonly revisions: readonly RevisionRecord[];
}

const CurationResultRef = builder.objectRef<CurationResult>('CurationResult').implement({
  description: 'What a curation mutation changed: one revision per fact, in order.',
  fields: (t) => ({
    batchId: t.string({
      nullable: true,
      description: 'The batch id shared by these revisions (null if nothing changed).',
      resolve: (r) => r.revisions[0]?.batchId ?? null,
    }),
    revisions: t.field({ type: [RevisionRef], description: 'The revisions written, in order.', resolve: (r) => r.revisions }),
    ids: t.stringList({
      description: 'Ids of the facts changed, in order (new relationships get their id here).',
      resolve: (r) => [...new Set(r.revisions.map((v) => v.targetId))],
    }),
  }),
});

const MAX_REASON = 2000;

/** Checks a batch as a whole, then applies it in one transaction. */
async function runBatch(ctx: Context, operations: readonly Operation[], reason: string | null | undefined, reasonRequired: boolean): Promise<CurationResult> {
  const actor = ctx.caller.actor;
  // Scope checks run before any resolver; this guards the write path if a field ever lacks one.
  if (!actor?.scopes.includes('curator')) throw curationError('FORBIDDEN', 'curation needs a curator API key');
  const max = ctx.limits.maxCurationBatch;
  if (operations.length === 0) throw curationError('BAD_USER_INPUT', 'the batch holds no operations');
  if (operations.length > max) throw curationError('BATCH_TOO_LARGE', `the batch holds ${operations.length} operations; the limit is ${max}`, { limit: max });
  const problems = operations.flatMap((operation, index) => checkOperation(operation, `operations[${index}].${operation.op}`));
  const text = reason?.trim() ?? '';
  if (reasonRequired && text === '') problems.push('reason: say why (it is kept with the change)');
  if (text.length > MAX_REASON) problems.push(`reason: is ${text.length} characters; the limit is ${MAX_REASON}`);
  if (problems.length > 0) throw curationError('BAD_USER_INPUT', problems.join('; '), { problems });
  const revisions = await ctx.curation.apply(operations, { actor, requestId: ctx.caller.requestId, reason: text === '' ? null : text });
  return { revisions };
}

type OneOf<K extends Operation['op']> = Extract<Operation, { op: K }>['input'];

const SINGLE = [
  ['addSource', AddSourceInput, 'Registers a new source document (title, authors, publisher, date, kind, optionally its text as lines).', false],
  ['addEntity', AddEntityInput, 'Adds a cited entity.', false],
  ['updateEntity', UpdateEntityInput, 'Corrects or extends an entity (name, description, aliases, properties); the change must be cited.', false],
  ['retractEntity', TargetInput, 'Retracts an entity and its relationships: hidden from reads, kept with who, when and why; reversible.', true],
  ['restoreEntity', TargetInput, 'Restores a retracted entity and the relationships retracted with it.', true],
  ['addRelationship', AddRelationshipInput, 'Adds a cited relationship between two live entities.', false],
  ['updateRelationship', UpdateRelationshipInput, 'Corrects a relationship’s properties or adds citations; the change must be cited.', false],
  ['retractRelationship', TargetInput, 'Retracts a relationship: hidden from reads, kept with who, when and why; reversible.', true],
  ['restoreRelationship', TargetInput, 'Restores a retracted relationship.', true],
  ['revertRevision', RevertInput, 'Undoes a revision: puts its fact back as it was before (recorded as a new revision).', true],
] as const;

for (const [op, input, description, reasonRequired] of SINGLE) {
  builder.mutationField(op, (t) =>
    t.field({
      type: CurationResultRef,
      description: `${description} Needs a curator key.`,
      authScopes: { curator: true },
      args: {
        input: t.arg({ type: input, required: true, description: 'What to do.' }),
        reason: t.arg.string({ required: reasonRequired, description: reasonRequired ? 'Why (required; kept with the change).' : 'Why (kept with the change).' }),
      },
      resolve: (_root, args, ctx) => runBatch(ctx, [{ op, input: args.input } as Operation], args.reason, reasonRequired),
    }),
  );
}

builder.mutationField('curate', (t) =>
  t.field({
    type: CurationResultRef,
    description: 'Applies many operations (e.g. everything taken from one new document) in one transaction: all land, or none does. Needs a curator key.',
    authScopes: { curator: true },
    args: {
      operations: t.arg({ type: [CurationOperationInput], required: true, description: 'The operations, applied in order; each sets exactly one field.' }),
      reason: t.arg.string({ description: 'Why (kept with every change; required when the batch retracts, restores or reverts).' }),
    },
    resolve: (_root, args, ctx) => {
      const operations: Operation[] = [];
      const problems: string[] = [];
      for (const [index, raw] of args.operations.entries()) {
        const set = OPERATION_NAMES.filter((name) => raw[name] !== null && raw[name] !== undefined);
        if (set.length !== 1) problems.push(`operations[${index}]: set exactly one of ${OPERATION_NAMES.join(', ')} (got ${set.length})`);
        else {
          const op = set[0] as Operation['op'];
          operations.push({ op, input: raw[op] as OneOf<typeof op> } as Operation);
        }
      }
      if (problems.length > 0) throw curationError('BAD_USER_INPUT', problems.join('; '), { problems });
      const needsReason = operations.some((o) => !['addSource', 'addEntity', 'updateEntity', 'addRelationship', 'updateRelationship'].includes(o.op));
      return runBatch(ctx, operations, args.reason, needsReason);
    },
  }),
);
