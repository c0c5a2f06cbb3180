/**
 * The explorer's only connection to the outside: POSTs to our own /graphql
 * (same origin) and turns the answers into the plain shapes the page draws.
 */
import {
  ENTITY_QUERY,
  NEIGHBORHOOD_QUERY,
  PATHS_QUERY,
  SEARCH_QUERY,
  YEAR_BOUNDS_QUERY,
  type EntityDetailsResult,
  type NeighborhoodResult,
  type PathsResult,
  type RelationshipResult,
  type SearchResult,
  type YearBoundsResult,
} from './queries.js';

export interface EntitySummary {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

export interface CitationView {
  readonly document: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly source: { readonly title: string | null; readonly authors: readonly string[] | null; readonly publisher: string | null } | null;
  /** The cited lines' text, when the API provides it. */
  readonly quote?: string | null;
}

export interface RelationshipView {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** The relationship's own properties as stated (date, start, end, role, amount ...), nulls left out. */
  readonly properties: Readonly<Record<string, string | number>>;
  readonly citations: readonly CitationView[];
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
}

export interface PathHopView {
  readonly from: string;
  readonly to: string;
  readonly forward: boolean;
  readonly relationship: RelationshipView;
}

export interface PathView {
  readonly nodes: readonly EntitySummary[];
  readonly hops: readonly PathHopView[];
}

export interface EntityDetails extends EntitySummary {
  readonly description: string | null;
  readonly aliases: readonly { readonly name: string; readonly usedBy: string | null }[];
  readonly citations: readonly CitationView[];
  readonly relationshipCounts: readonly { readonly type: string; readonly total: number }[];
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
  /** Hops from the centre (1 or 2). */
  readonly depth?: number;
  /** Only these relationship types ("show more" of one type). */
  readonly types?: readonly string[];
  /** Most entities besides the centre. */
  readonly limit?: number;
}

/** The entity and its neighbours (one request, whatever the depth), with every relationship among them and the centre's relationship totals by type. */
export async function fetchNeighborhood(key: string, options: NeighborhoodOptions = {}): Promise<Subgraph> {
  const data = await graphql<NeighborhoodResult>(NEIGHBORHOOD_QUERY, {
    id: key,
    depth: options.depth ?? 1,
    limit: options.limit ?? NEIGHBORHOOD_LIMIT,
    types: options.types ?? null,
  });
  const totals = new Map<string, readonly RelationshipCount[]>();
  if (data.centre) totals.set(data.centre.key, data.centre.relationshipCounts);
  return { nodes: data.neighborhood.nodes.map(summary), edges: data.neighborhood.edges.map(relationship), totals };
}

/** The shortest paths from `from` to `to`, optionally over some relationship types only. */
export async function fetchPaths(from: string, to: string, relationshipTypes: readonly string[] | null): Promise<PathView[]> {
  const data = await graphql<PathsResult>(PATHS_QUERY, { from, to, maxHops: MAX_PATH_HOPS, relationshipTypes });
  return data.paths.map((path) => ({
    nodes: path.nodes.map(summary),
    hops: path.hops.map((hop) => ({ from: hop.from.key, to: hop.to.key, forward: hop.forward, relationship: relationship(hop.relationship) })),
  }));
}

/** One entity with what the details panel shows; null if it does not exist. */
export async function fetchEntity(key: string): Promise<EntityDetails | null> {
  const { entity } = await graphql<EntityDetailsResult>(ENTITY_QUERY, { id: key });
  if (!entity) return null;
  return {
    ...summary(entity),
    description: entity.description,
    aliases: entity.aliases.map((a) => ({ name: a.name, usedBy: a.usedBy?.name ?? null })),
    citations: entity.citations,
    relationshipCounts: entity.relationshipCounts,
  };
}

/** The first and last year any dated entity covers, for the date slider. */
export async function fetchYearBounds(): Promise<{ min: number; max: number } | null> {
  const data = await graphql<YearBoundsResult>(YEAR_BOUNDS_QUERY);
  const first = data.first.nodes[0]?.dateFrom;
  const last = data.last.nodes[0];
  const lastDate = last?.dateTo ?? last?.dateFrom;
  if (!first || !lastDate) return null;
  return { min: Number(first.slice(0, 4)), max: Math.max(Number(lastDate.slice(0, 4)), Number(first.slice(0, 4))) };
}

function summary(entity: EntitySummary): EntitySummary {
  return { key: entity.key, name: entity.name, type: entity.type, dateFrom: entity.dateFrom, dateTo: entity.dateTo };
}

const PROPERTY_NAMES = ['date', 'start', 'end', 'role', 'relation', 'status', 'amount', 'currency', 'share', 'effect'] as const;

function relationship(r: RelationshipResult): RelationshipView {
  const properties: Record<string, string | number> = {};
  for (const name of PROPERTY_NAMES) {
    const value = r[name];
    if (value !== null) properties[name] = value;
  }
  return {
    id: r.id,
    type: r.type,
    from: r.from.key,
    to: r.to.key,
    validFrom: r.validFrom,
    validTo: r.validTo,
    properties,
    citations: r.citations,
  };
}
