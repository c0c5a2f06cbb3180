import { builder } from '../builder.js';
import type { SearchHit } from '../db/graph-store.js';
import { InvalidSearchError, MAX_SEARCH_LENGTH, toLuceneQuery } from '../search/lucene-query.js';
import { badInput, pageSize } from './arguments.js';
import { EntityRef } from './entity-refs.js';
import { EntityTypeEnum } from './enums.js';

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'An entity found by name or alias, with its relevance.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Lucene relevance; higher is better.' }),
    entity: t.field({ type: EntityRef, description: 'The entity found.', resolve: (hit) => hit.entity }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Finds entities by name or alias, ignoring case and diacritics and forgiving one typo per word ' +
      '("Shinzō", "shinzo abbe", "Northern Territories"). Any text is accepted: operators and punctuation are ignored. ' +
      `At most ${MAX_SEARCH_LENGTH} characters.`,
    args: {
      query: t.arg.string({ required: true, description: 'What to look for.' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only these kinds (default: all).' }),
      first: t.arg.int({ description: 'How many hits (default 10; at most MAX_PAGE_SIZE).' }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = pageSize('first', args.first, 10, ctx.limits.maxPageSize);
      const types = args.types && args.types.length > 0 ? args.types : null;
      let lucene: string;
      try {
        lucene = toLuceneQuery(args.query, 'all');
      } catch (error) {
        if (error instanceof InvalidSearchError) throw badInput('query', error.message);
        throw error;
      }
      const hits = await ctx.store.search(lucene, types, limit);
      // Every word must match first; if nothing does, fall back to any word.
      return hits.length > 0 ? hits : ctx.store.search(toLuceneQuery(args.query, 'any'), types, limit);
    },
  }),
);
