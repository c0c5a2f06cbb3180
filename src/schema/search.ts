import { builder } from '../builder.js';
import type { Highlight } from '../search/highlight.js';
import { EVIDENCE_KINDS, hitHighlights, type RankedHit } from '../search/rank-hits.js';
import { InvalidSearchError, MAX_SEARCH_LENGTH, toLuceneQuery } from '../search/lucene-query.js';
import type { SearchQueries } from '../db/search-store.js';
import { badInput, pageSize } from './arguments.js';
import { EntityRef } from './entity-refs.js';
import { EntityTypeEnum } from './enums.js';
import { capList } from './truncation.js';

const SearchMatchEnum = builder.enumType('SearchMatch', {
  description: 'How a search hit matched, best first; hits are ranked by this before their score.',
  values: {
    EXACT: { value: 'EXACT', description: 'The whole query is the name or an alias (ignoring case, diacritics and punctuation).' },
    PREFIX: { value: 'PREFIX', description: 'The name or an alias starts with the query.' },
    NAME: { value: 'NAME', description: 'Words of the name or an alias match, possibly with a typo.' },
    TEXT: {
      value: 'TEXT',
      description:
        'Only the entity\'s text matched: its description (a statement\'s text), measure, qualifier, or a relation or effect it states. ' +
        'Text matches whole words and prefixes, without typo forgiveness.',
    },
  } as const,
});

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'What a search looks in.',
  values: {
    NAMES: { value: 'NAMES', description: 'Names and aliases.' },
    TEXT: { value: 'TEXT', description: 'Descriptions (statement text), measures, qualifiers, and relationship relation/effect text.' },
  } as const,
});

const TextRangeRef = builder.objectRef<{ start: number; end: number }>('TextRange').implement({
  description: 'A span of characters in a fragment: [start, end).',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character, 0-based.' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
  }),
});

const SearchHighlightRef = builder.objectRef<Highlight>('SearchHighlight').implement({
  description: 'Where the query\'s words occur in one field of a hit.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field: name, alias, description, measure, qualifier or relation.' }),
    fragment: t.exposeString('fragment', { description: 'The field\'s text around the first match (about 160 characters at most).' }),
    matches: t.field({ type: [TextRangeRef], description: 'The matched words within `fragment`.', resolve: (h) => h.matches }),
  }),
});

const SearchHitRef = builder.objectRef<RankedHit>('SearchHit').implement({
  description: 'An entity found by search, with how it matched and where.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: `Lucene relevance, halved for evidence kinds (${EVIDENCE_KINDS.join(', ')}); ranks hits within one \`match\` level.` }),
    match: t.field({ type: SearchMatchEnum, description: 'How the hit matched; hits are ordered by this first.', resolve: (hit) => hit.match }),
    highlights: t.field({
      type: [SearchHighlightRef],
      description:
        'The fragments where the query\'s words occur (whole words or prefixes; a typo-forgiven match has none). ' +
        'Text is read only when name hits do not fill the page, so a name hit lists relation fragments only then.',
      resolve: (hit) => hitHighlights(hit),
    }),
    entity: t.field({ type: EntityRef, description: 'The entity found.', resolve: (hit) => hit.entity }),
  }),
});

/** Hits in a page when `first` is not given. */
const DEFAULT_HITS = 10;

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Finds entities by name or alias and by what they say, ignoring case and diacritics; names forgive one typo per word ' +
      '("Shinzō", "shinzo abbe", "Northern Territories"). Ranking: an exact name or alias match of the whole query first ' +
      '("Russia" → Russia), then names starting with it, then other name matches, then text-only matches; within each, ' +
      'actors, places and agreements before evidence (figures, statements, sources, sanctions). ' +
      `Any text is accepted: operators and punctuation are ignored. At most ${MAX_SEARCH_LENGTH} characters.`,
    args: {
      query: t.arg.string({ required: true, description: 'What to look for.' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only these kinds (default: all).' }),
      in: t.arg({ type: [SearchFieldEnum], description: 'Where to look (default: NAMES and TEXT).' }),
      first: t.arg.int({ description: 'How many hits (default 10; at most MAX_PAGE_SIZE). When more match, the response says so in `extensions.truncated`.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const limit = pageSize('first', args.first, DEFAULT_HITS, ctx.limits.maxPageSize);
      const types = args.types && args.types.length > 0 ? args.types : null;
      const fields = args.in && args.in.length > 0 ? args.in : ['NAMES', 'TEXT'];
      let all: SearchQueries;
      let any: SearchQueries;
      try {
        // Names forgive a typo per word, text does not (src/search/lucene-query.ts says why).
        all = { names: toLuceneQuery(args.query), text: toLuceneQuery(args.query, { typos: false }) };
        any = { names: toLuceneQuery(args.query, { mode: 'any' }), text: toLuceneQuery(args.query, { mode: 'any', typos: false }) };
      } catch (error) {
        if (error instanceof InvalidSearchError) throw badInput('query', error.message);
        throw error;
      }
      // Re-ranking orders the candidates Lucene gives: searched by each of the seed's 843 names and aliases, the
      // exact match is within Lucene's top 6 (tests/integration/search-ranking.test.ts), so a default page is
      // enough; a smaller page ranks the same candidates, so that it is the start of the default one.
      const candidates = Math.max(limit, DEFAULT_HITS) + 1;
      // Every word must match first; if nothing does, any word (a second round trip; one word needs no fallback).
      const fallback = any.names === all.names ? null : any;
      // One more than asked: whether the cap cut the list (extensions.truncated).
      const hits = await ctx.store.searchHits(all, fallback, types, candidates, fields.includes('NAMES'), fields.includes('TEXT'), args.query, limit + 1);
      return capList(hits, limit, 'first', ctx, info);
    },
  }),
);
