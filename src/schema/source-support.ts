import { builder } from '../builder.js';
import type { EntityFilter } from '../db/entity-filter.js';
import { badInput, pageSize } from './arguments.js';
import { EntityConnectionRef } from './entity-connection.js';
import { EntityFilterInput, toEntityFilter } from './entity-filter-input.js';
import { listCursor, toSort } from './entity-order.js';
import { SourceRef } from './entity-refs.js';
import { EntityTypeEnum } from './enums.js';
import { selectsField } from './selection.js';

const DEFAULT_PAGE = 20;

builder.objectField(SourceRef, 'supportedEntities', (t) =>
  t.field({
    type: EntityConnectionRef,
    description:
      'The entities this document is cited for, in name order, keyset-paginated, optionally only some kinds or those matching a filter. ' +
      'Batched: a list of sources asking the same page costs one query.',
    args: {
      first: t.arg.int({ description: `Page size (default ${DEFAULT_PAGE}; at most MAX_PAGE_SIZE, 100 by default).` }),
      after: t.arg.string({ description: 'Cursor to continue from (an `endCursor` of this field).' }),
      kinds: t.arg({ type: [EntityTypeEnum], description: 'Only entities of these kinds (default: all).' }),
      filter: t.arg({ type: EntityFilterInput, description: 'Only entities matching this filter, as in `entities(filter:)`; `citedIn` is this document already.' }),
    },
    resolve: (source, args, ctx, info) => {
      const size = pageSize('first', args.first, DEFAULT_PAGE, ctx.limits.maxPageSize);
      const cursor = listCursor('after', args.after, toSort('NAME_ASC'));
      const given = toEntityFilter(args.filter);
      if (given.citedIn) throw badInput('filter.citedIn', 'is this document already on `supportedEntities`; ask `entities(filter: {citedIn: ...})` for another');
      const document = String(source.props['fileName']);
      const kinds = args.kinds && args.kinds.length > 0 ? args.kinds : undefined;
      // `kinds` narrows the filter's own `types`; both apply.
      const filter: EntityFilter = { ...given, ...(kinds ? { types: given.types ? given.types.filter((k) => kinds.includes(k)) : kinds } : {}) };
      const request = { filter, size, withTotal: selectsField(info, 'totalCount'), ...(cursor ? { cursor } : {}) };
      // `aggregate` on this connection counts the entities with a line citation in this document,
      // batched per document like the pages (src/db/aggregate-query.ts, readDocumentAggregates).
      const shape = { backward: false, hasCursor: cursor !== undefined, filter, document, label: null };
      if (!['nodes', 'edges', 'pageInfo', 'totalCount'].some((field) => selectsField(info, field))) {
        return { ...shape, page: { total: null, items: [], hasMore: false, hasOther: false } };
      }
      return ctx.loaders
        .supportPages(request)
        .load(document)
        .then((page) => ({ ...shape, page }));
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
