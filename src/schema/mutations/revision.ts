import { builder } from '../../builder.js';
import type { RevisionRecord } from '../../db/revisions.js';
import { entityKey } from '../arguments.js';

export const RevisionRef = builder.objectRef<RevisionRecord>('Revision').implement({
  description: 'One immutable record of a change to an entity or relationship: who, when, under which request, before and after, cited where, and why.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Revision id (pass it to `revertRevision`).' }),
    batchId: t.exposeString('batchId', { description: 'The batch (one mutation) the change was part of.' }),
    at: t.exposeString('at', { description: 'When the change was committed (ISO 8601, UTC).' }),
    actor: t.exposeString('actor', { description: 'Who made it: `key:<id>` of the API key.' }),
    actorName: t.exposeString('actorName', { description: 'The name the API key was created with.' }),
    requestId: t.exposeString('requestId', { description: 'The x-request-id of the request that made it.' }),
    action: t.exposeString('action', { description: 'add, update, retract, restore or revert.' }),
    element: t.exposeString('element', { description: 'entity or relationship.' }),
    targetId: t.exposeString('targetId', { description: 'Id of the entity or relationship changed.' }),
    version: t.exposeInt('version', { description: 'The version of the fact after this change.' }),
    before: t.exposeString('before', { nullable: true, description: 'The fact before the change, as JSON; null when the change created it.' }),
    after: t.exposeString('after', { description: 'The fact after the change, as JSON.' }),
    citations: t.exposeStringList('citations', { description: 'Citations this change added (stored form).' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, in the curator’s words.' }),
    revertOf: t.exposeString('revertOf', { nullable: true, description: 'For a revert: the revision it undid.' }),
  }),
});

builder.queryField('history', (t) =>
  t.field({
    type: [RevisionRef],
    description: 'Every revision of an entity (by id or key) or relationship (by id), oldest first. Seed facts have none until curated.',
    args: { id: t.arg.string({ required: true, description: 'Entity id/key or relationship id.' }) },
    resolve: (_root, { id }, ctx) => ctx.curation.history(/^[a-f0-9]{16}$/.test(id) ? id : entityKey('id', id)),
  }),
);
