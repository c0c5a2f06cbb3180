import { builder } from '../builder.js';
import type { EntityRecord } from '../db/records.js';
import { pairDisagreements, type Claim } from '../model/disagreement.js';
import { resolveDocumentName } from '../documents/document-names.js';
import { badInput, pageSize } from './arguments.js';
import { EntityTypeRefs } from './entity-refs.js';

const ObservationRef = EntityTypeRefs.Observation;

interface DisagreementShape {
  readonly a: Claim;
  readonly b: Claim;
}

const DisagreementRef = builder.objectRef<DisagreementShape>('Disagreement').implement({
  description:
    'Two figures from different documents that give different values for the same measure, unit, time and subjects ' +
    '(the rule is in schema/MODEL.md, "Disagreements between documents"). Each side keeps its citations, quotes and qualifier.',
  fields: (t) => ({
    measure: t.string({ description: 'What both figures measure.', resolve: (d) => d.a.measure }),
    unit: t.string({ description: 'The unit both use.', resolve: (d) => d.a.unit }),
    figures: t.field({
      type: [ObservationRef],
      description: 'The two figures, smaller value first; ask each for `value`, `qualifier` and `citations { quote }`.',
      resolve: async (d, _args, ctx) => {
        const [low, high] = d.a.value <= d.b.value ? [d.a, d.b] : [d.b, d.a];
        const found = await ctx.loaders.entity.loadMany([low.key, high.key]);
        return found.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
      },
    }),
    difference: t.float({ description: 'The larger value minus the smaller.', resolve: (d) => Math.abs(d.a.value - d.b.value) }),
    documents: t.stringList({
      description: 'The file names of the documents on either side.',
      resolve: (d) => [...new Set([...d.a.documents, ...d.b.documents])].sort(),
    }),
  }),
});

builder.queryField('disagreements', (t) =>
  t.field({
    type: [DisagreementRef],
    description:
      'Where documents disagree: pairs of figures about the same measure, unit, time and subjects with different values ' +
      '(e.g. the agreements signed during Putin\'s December 2016 visit: more than 65 in one document, about 70 in another). ' +
      'Paired by the model\'s rule, documented in schema/MODEL.md.',
    args: {
      measureContains: t.arg.string({ description: 'Only measures containing this text (case-insensitive), e.g. "trade".' }),
      document: t.arg.string({ description: 'Only pairs with one side cited in this document (file name or number, e.g. "000").' }),
      first: t.arg.int({ description: 'Most pairs (default 50; at most MAX_PAGE_SIZE).' }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = pageSize('first', args.first, 50, ctx.limits.maxPageSize);
      const document = args.document ? resolveDocumentName(args.document) : null;
      if (args.document && !document) throw badInput('document', `is "${args.document}"; expected a document file name or number such as "001"`);
      const pairs = pairDisagreements(await ctx.store.candidateClaims(args.measureContains ?? null));
      return pairs
        .filter(([a, b]) => !document || a.documents.includes(document) || b.documents.includes(document))
        .slice(0, limit)
        .map(([a, b]) => ({ a, b }));
    },
  }),
);

builder.objectField(ObservationRef, 'conflictsWith', (t) =>
  t.field({
    type: [ObservationRef],
    description:
      'Figures in other documents that give a different value for the same measure, unit, time and subjects ' +
      '(see `disagreements`); empty when no document disagrees. Statements are not paired: they carry no value to compare.',
    resolve: async (figure, _args, ctx) => {
      const keys = await ctx.loaders.conflicts.load(figure.key);
      const found = await ctx.loaders.entity.loadMany(keys);
      return found.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
    },
  }),
);
