import { builder } from '../builder.js';
import { badInput, entityKey } from './arguments.js';

const MAX_IDS = 100;

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Fetches an entity by global id or key ("shinzo-abe"); null if none exists.',
    args: { id: t.arg.id({ required: true, description: 'A global id from an `id` field, or a key.' }) },
    resolve: (_root, args, ctx) => ctx.loaders.entity.load(entityKey('id', args.id)),
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Fetches entities by global ids or keys, in order; null where none exists. At most ${MAX_IDS} ids.`,
    args: { ids: t.arg.idList({ required: true, description: 'Global ids from `id` fields, or keys; the two may be mixed.' }) },
    resolve: async (_root, args, ctx) => {
      if (args.ids.length > MAX_IDS) throw badInput('ids', `lists ${args.ids.length} ids; the limit is ${MAX_IDS}`);
      const keys = args.ids.map((id, i) => entityKey(`ids[${i}]`, id));
      const found = await ctx.loaders.entity.loadMany(keys);
      return found.map((e) => (e instanceof Error ? null : e));
    },
  }),
);
