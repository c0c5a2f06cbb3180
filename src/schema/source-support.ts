import { builder } from '../builder.js';
import { EntityRef, SourceRef } from './entity-refs.js';

builder.objectField(SourceRef, 'supportedEntities', (t) =>
  t.field({
    type: [EntityRef],
    description: 'The entities this document is cited for.',
    resolve: async (source, _args, ctx) => {
      const support = await ctx.loaders.sourceSupport.load(String(source.props['fileName']));
      const entities = await ctx.loaders.entity.loadMany(support.entityKeys);
      return entities.filter((e): e is Exclude<typeof e, Error | null> => e !== null && !(e instanceof Error));
    },
  }),
);

builder.objectField(SourceRef, 'supportedRelationshipCount', (t) =>
  t.int({
    description: 'How many relationships cite this document.',
    resolve: async (source, _args, ctx) => {
      const support = await ctx.loaders.sourceSupport.load(String(source.props['fileName']));
      return support.relationshipCount;
    },
  }),
);
