/**
 * The explorer's only connection to the outside: POSTs to our own /graphql
 * (same origin) and turns the answers into the plain shapes the page draws.
 */
import {
  ENTITY_QUERY,
  NEIGHBORHOOD_QUERY,
  NETWORK_QUERY,
  PATHS_QUERY,
  RETRACTED_QUERY,
  SEARCH_QUERY,
  START_QUERY,
  type CitationResult,
  type EntityDetailsResult,
  type NeighborhoodResult,
  type NetworkResult,
  type PathsResult,
  type RetractedResult,
  type SearchResult,
  type StartResult,
  type TieResult,
} from './queries.js';
import type { Provenance } from './view-state.js';

export interface EntitySummary {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  /** Seed, curated, or retracted (drawn only when the filter asks); absent: seed. */
  readonly provenance?: Provenance;
  /** For a retracted fact: who retracted it, when and why. */
  readonly retraction?: RetractionView;
}

/** Who retracted a fact, when and why. */
export interface RetractionView {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export interface CitationView {
  readonly document: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly source: { readonly title: string | null; readonly authors: readonly string[] | null; readonly publisher: string | null } | null;
  /** The cited lines' text, when the API provides it. */
  readonly quote?: string | null;
}

/**
 * A tie as the page draws it: one stored relationship, or a tie derived
 * through hidden layers (two actors at the same event, one's statement
 * about the other ...), which lists the entities behind it.
 */
export interface RelationshipView {
  readonly id: string;
  /** The relationship type, or the derived tie's kind (SHARED_EVENT ...). */
  readonly type: string;
  readonly from: string;
  readonly to: string;
  /** First and last day the tie is known to hold. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** A stored relationship's own properties as stated (date, start, end, role, amount ...), nulls left out; empty for a derived tie. */
  readonly properties: Readonly<Record<string, string | number>>;
  readonly citations: readonly CitationView[];
  /** True when computed through hidden entities (see `evidence`). */
  readonly derived: boolean;
  /** How many pieces of evidence: 1 for a stored relationship. */
  readonly weight: number;
  /** What the tie is, in words. */
  readonly relation: string;
  /** For a derived tie, the hidden entities behind it. */
  readonly evidence: readonly EntitySummary[];
  /** Seed, curated (a derived tie: when anything behind it is), or retracted; absent: seed. */
  readonly provenance?: Provenance;
  readonly retraction?: RetractionView;
}

export interface RelationshipCount {
  readonly type: string;
  readonly total: number;
}

export interface Subgraph {
  readonly nodes: readonly EntitySummary[];
  readonly edges: readonly RelationshipView[];
  /** For entities whose neighbourhood was asked for: how many relationships of each type they have in all (to tell what a capped answer left out). */
  readonly totals?: ReadonlyMap<string, readonly RelationshipCount[]>;
  /** For entities whose (one-step) neighbourhood was asked for: how many neighbours they have in all, under the layers and types asked for. */
  readonly neighbourTotals?: ReadonlyMap<string, number>;
  /** For entities whose two-step network was asked for: how many entities the cap left out. */
  readonly omitted?: ReadonlyMap<string, number>;
}

export interface PathHopView {
  readonly from: string;
  readonly to: string;
  readonly forward: boolean;
  /** What this step cost: the tie kind's cost plus the hub penalty of the entity entered. */
  readonly cost: number;
  readonly relationship: RelationshipView;
}

export interface PathView {
  /** 1 for the cheapest route. */
  readonly rank: number;
  readonly cost: number;
  readonly nodes: readonly EntitySummary[];
  readonly hops: readonly PathHopView[];
}

/** How routes are asked for. */
export interface PathOptions {
  /** Walk only these stored relationship types (the filters), or all. */
  readonly relationshipTypes: readonly string[] | null;
  /** Tie kinds no route may walk (the generic ones, when avoided). */
  readonly avoidTypes: readonly string[];
  /** Factor of the hub penalty (the API's default 0.5 when null). */
  readonly hubCost: number | null;
  readonly layers: readonly string[];
}

export interface EntityDetails extends EntitySummary {
  readonly description: string | null;
  readonly aliases: readonly { readonly name: string; readonly usedBy: string | null }[];
  readonly citations: readonly CitationView[];
  readonly relationshipCounts: readonly { readonly type: string; readonly total: number }[];
  /** Provenance: from the seed documents, or added through curation; `version` counts curated changes. */
  readonly origin: 'SEED' | 'CURATED';
  readonly version: number;
}

export interface SearchHitView {
  readonly entity: EntitySummary;
  readonly aliases: readonly string[];
}

/** The API answered with errors (their messages, joined) or not at all. */
export class ApiError extends Error {
  override name = 'ApiError';
}

/** Longest path asked for; the API's default MAX_PATH_HOPS is 6. */
export const MAX_PATH_HOPS = 6;
/** How many routes are asked for. */
export const PATH_COUNT = 5;
/** Most entities one expansion brings in (the API's default `neighborhood` limit). */
export const NEIGHBORHOOD_LIMIT = 50;
/** Most entities a two-hop expansion or a "show more" brings in (the API's MAX_PAGE_SIZE). */
export const LARGE_NEIGHBORHOOD_LIMIT = 100;

/** Runs one operation against /graphql and returns its data, or throws an ApiError. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`The API did not answer (${String(error)}).`);
  }
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered ${response.status} without a GraphQL result.`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join(' '));
  if (body.data == null) throw new ApiError(`The API answered ${response.status} without data.`);
  return body.data;
}

/** Full-text search over names and aliases. */
export async function searchEntities(text: string, first = 8): Promise<SearchHitView[]> {
  const data = await graphql<SearchResult>(SEARCH_QUERY, { query: text, first });
  return data.search.map(({ entity }) => ({ entity: summary(entity), aliases: entity.aliases.map((a) => a.name) }));
}

/** What part of a neighbourhood to ask for. */
export interface NeighborhoodOptions {
  /** Only these relationship types ("show more" of one type). */
  readonly types?: readonly string[];
  /** Most entities besides the centre. */
  readonly limit?: number;
  /** Layers drawn (the others fold into derived ties). */
  readonly layers: readonly string[];
}

/** The entity and its neighbours with the ties among them, how many the cap left out, and the centre's relationship totals by type. */
export async function fetchNeighborhood(key: string, options: NeighborhoodOptions): Promise<Subgraph> {
  const data = await graphql<NeighborhoodResult>(NEIGHBORHOOD_QUERY, {
    id: key,
    limit: options.limit ?? NEIGHBORHOOD_LIMIT,
    types: options.types ?? null,
    layers: options.layers,
  });
  const totals = new Map<string, readonly RelationshipCount[]>();
  if (data.centre) totals.set(data.centre.key, data.centre.relationshipCounts);
  return {
    nodes: data.neighborhood.nodes.map(summary),
    edges: data.neighborhood.ties.map(tie),
    totals,
    // A neighbourhood of one type only counts that type's neighbours: not the entity's total.
    neighbourTotals: options.types ? new Map() : new Map([[key, data.neighborhood.totalCount]]),
  };
}

/** The network `depth` steps around an entity, evidence folded into the ties: one request. */
export async function fetchNetwork(key: string, depth: number, layers: readonly string[]): Promise<Subgraph> {
  const data = await graphql<NetworkResult>(NETWORK_QUERY, { id: key, depth, layers });
  return { nodes: data.network.nodes.map(summary), edges: data.network.ties.map(tie), omitted: new Map([[key, data.network.omitted]]) };
}

/** The best routes from `from` to `to`, cheapest first. */
export async function fetchPaths(from: string, to: string, options: PathOptions): Promise<PathView[]> {
  const data = await graphql<PathsResult>(PATHS_QUERY, {
    from,
    to,
    k: PATH_COUNT,
    maxHops: MAX_PATH_HOPS,
    relationshipTypes: options.relationshipTypes,
    avoidTypes: options.avoidTypes.length > 0 ? options.avoidTypes : null,
    hubCost: options.hubCost,
    layers: options.layers,
  });
  return data.paths.map((path) => ({
    rank: path.rank,
    cost: path.cost,
    nodes: path.nodes.map(summary),
    hops: path.hops.map((hop) => ({
      from: hop.from.key,
      to: hop.to.key,
      forward: hop.forward,
      cost: hop.cost,
      relationship: { ...tie(hop.tie), citations: hop.citations.flatMap(citation) },
    })),
  }));
}

/** Most keys one request may name (the API's MAX_PAGE_SIZE default). */
const KEYS_PER_REQUEST = 100;

/**
 * The retracted facts at some loaded entities, drawn for review when the
 * "retracted" filter is on: the relationships retracted there and the
 * retracted entities at their other ends. One request per hundred keys.
 */
export async function fetchRetracted(keys: readonly string[]): Promise<Subgraph> {
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) chunks.push(keys.slice(i, i + KEYS_PER_REQUEST));
  const answers = await Promise.all(chunks.map((around) => graphql<RetractedResult>(RETRACTED_QUERY, { around })));
  const nodes: EntitySummary[] = [];
  const edges: RelationshipView[] = [];
  for (const { retractedFacts } of answers) {
    for (const e of retractedFacts.entities) {
      nodes.push({ key: e.key, name: e.name, type: e.type ?? 'Entity', dateFrom: null, dateTo: null, provenance: 'retracted', retraction: retractionOf(e.retraction) });
    }
    for (const r of retractedFacts.relationships) {
      edges.push({
        id: r.id,
        type: r.type,
        from: r.fromKey,
        to: r.toKey,
        validFrom: r.validFrom,
        validTo: r.validTo,
        properties: {},
        citations: r.citations.flatMap(citation),
        derived: false,
        weight: 1,
        relation: r.type.toLowerCase().replaceAll('_', ' '),
        evidence: [],
        provenance: 'retracted',
        retraction: retractionOf(r.retraction),
      });
    }
  }
  return { nodes, edges };
}

function retractionOf(r: { at: string; by: string; reason: string }): RetractionView {
  return { at: r.at, by: r.by, reason: r.reason };
}

/** One entity with what the details panel shows; null if it does not exist. */
export async function fetchEntity(key: string): Promise<EntityDetails | null> {
  const { entity } = await graphql<EntityDetailsResult>(ENTITY_QUERY, { id: key });
  if (!entity) return null;
  return {
    ...summary(entity),
    description: entity.description,
    aliases: entity.aliases.map((a) => ({ name: a.name, usedBy: a.usedBy?.name ?? null })),
    citations: entity.citations.flatMap(citation),
    relationshipCounts: entity.relationshipCounts,
    origin: entity.origin,
    version: entity.version,
  };
}

/** The source documents by file name: title, authors, publisher (filled once at start). */
const SOURCES = new Map<string, NonNullable<CitationView['source']>>();

/** The first and last year any dated entity covers (for the time control), and the documents' readable names. */
export async function fetchStart(): Promise<{ min: number; max: number } | null> {
  const data = await graphql<StartResult>(START_QUERY);
  for (const source of data.sources.nodes) {
    if (source.fileName !== null) SOURCES.set(source.fileName, { title: source.name, authors: source.authors, publisher: source.publisher });
  }
  const first = data.first.nodes[0]?.dateFrom;
  const last = data.last.nodes[0];
  const lastDate = last?.dateTo ?? last?.dateFrom;
  if (!first || !lastDate) return null;
  return { min: Number(first.slice(0, 4)), max: Math.max(Number(lastDate.slice(0, 4)), Number(first.slice(0, 4))) };
}

/** The readable source documents cited in some citations, by file name (for export credits). */
export function sourcesOf(citations: readonly CitationView[]): { document: string; source: CitationView['source'] }[] {
  const documents = [...new Set(citations.map((c) => c.document))].sort();
  return documents.map((document) => ({ document, source: SOURCES.get(document) ?? null }));
}

/**
 * The text of cited line ranges, in one request (Source.lines per range),
 * keyed "file:start-end". Ranges the API cannot read (document text
 * unavailable) are left out.
 */
export async function fetchQuotes(ranges: readonly { document: string; startLine: number; endLine: number }[]): Promise<Map<string, string>> {
  const quotes = new Map<string, string>();
  const wanted = ranges.slice(0, 40);
  if (wanted.length === 0) return quotes;
  const fields = wanted.map(
    (r, i) => `q${i}: source(id: ${JSON.stringify(r.document)}) { ... on Source { lines(from: ${r.startLine}, to: ${Math.min(r.endLine, r.startLine + 199)}) { text } } }`,
  );
  const data = await graphql<Record<string, { lines: { text: string }[] | null } | null>>(`query ExplorerQuotes { ${fields.join('\n')} }`);
  wanted.forEach((r, i) => {
    const lines = data[`q${i}`]?.lines;
    if (lines) quotes.set(quoteKey(r), lines.map((l) => l.text).join('\n'));
  });
  return quotes;
}

export function quoteKey(range: { document: string; startLine: number; endLine: number }): string {
  return `${range.document}:${range.startLine}-${range.endLine}`;
}

/** An entity as the API gave it, with its origin when asked for. */
type EntityResult = EntitySummary & { readonly origin?: 'SEED' | 'CURATED' };

function summary(entity: EntityResult): EntitySummary {
  return { key: entity.key, name: entity.name, type: entity.type, dateFrom: entity.dateFrom, dateTo: entity.dateTo, provenance: entity.origin === 'CURATED' ? 'curated' : 'seed' };
}

const PROPERTY_NAMES = ['date', 'start', 'end', 'role', 'relation', 'status', 'amount', 'currency', 'share', 'effect'] as const;

/** A line citation as the page shows it; page/quote citations (no lines) are not drawn yet. */
function citation(c: CitationResult): CitationView[] {
  if (c.startLine === null || c.endLine === null) return [];
  return [{ document: c.document, startLine: c.startLine, endLine: c.endLine, source: SOURCES.get(c.document) ?? null, quote: c.quote ?? null }];
}

function tie(t: TieResult): RelationshipView {
  const properties: Record<string, string | number> = {};
  const stored = t.relationship;
  if (stored !== null) {
    for (const name of PROPERTY_NAMES) {
      const value = stored[name];
      if (value !== null) properties[name] = value;
    }
  }
  return {
    id: t.id,
    type: t.kind,
    from: t.from.key,
    to: t.to.key,
    validFrom: t.firstDate,
    validTo: t.lastDate,
    properties,
    citations: t.citations.flatMap(citation),
    derived: t.derived,
    weight: t.weight,
    relation: t.relation,
    evidence: t.evidence.map((e) => summary(e.entity)),
    // A derived tie stands on the entities behind it: curated as soon as one of them is.
    provenance: stored?.origin === 'CURATED' || t.evidence.some((e) => (e.entity as EntityResult).origin === 'CURATED') ? 'curated' : 'seed',
  };
}
