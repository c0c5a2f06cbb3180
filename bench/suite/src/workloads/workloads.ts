import { encodeCursor } from '../../../../src/db/cursor.js';
import { toLuceneQuery } from '../../../../src/search/lucene-query.js';
import { NEIGHBOURHOOD_LIMIT, neighbourhoodFloorParams, PATHS_K, PATHS_MAX_HOPS, pathsFloorParams } from '../servers/network-floor.js';
import type { RawWorkload } from '../servers/raw-queries.js';

/** The three ways each workload is served. */
export const SERVERS = ['ours', 'neo4j-graphql', 'raw'] as const;
export type ServerName = (typeof SERVERS)[number];

export const WORKLOADS = ['entity-2-levels', 'list-50', 'search', 'paths', 'neighbourhood-2'] as const satisfies readonly RawWorkload[];
export type WorkloadName = (typeof WORKLOADS)[number];

/** One request's parameters, drawn from the loaded graph (see sample-params.ts). */
export type WorkloadParams =
  | { readonly workload: 'entity-2-levels'; readonly id: string }
  | { readonly workload: 'list-50'; readonly afterName: string; readonly afterId: string }
  | { readonly workload: 'search'; readonly text: string }
  | { readonly workload: 'paths'; readonly from: string; readonly to: string }
  | { readonly workload: 'neighbourhood-2'; readonly id: string };

export interface HttpRequest {
  readonly path: string;
  readonly body: string;
}

const OURS_QUERIES: Record<WorkloadName, string> = {
  'entity-2-levels': `query Entity2($id: ID!) {
  entity(id: $id) {
    key name citations { reference }
    ... on Event {
      participants(first: 20) {
        totalCount
        edges {
          node { id role citations { reference } }
          other {
            key name citations { reference }
            relationships(types: [PARTICIPATES_IN], direction: OUTGOING, first: 20) {
              totalCount
              edges { node { id role citations { reference } } other { key name } }
            }
          }
        }
      }
    }
  }
}`,
  'list-50': `query List50($after: String) {
  people(first: 50, after: $after) {
    edges {
      node {
        key name citations { reference }
        ... on Person {
          events(first: 10) {
            totalCount
            edges { node { id role citations { reference } } other { key name } }
          }
        }
      }
    }
  }
}`,
  search: `query Search($query: String!) {
  search(query: $query, first: 10) { score entity { key name type citations { reference } } }
}`,
  paths: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: ${PATHS_MAX_HOPS}, k: ${PATHS_K}) {
    length
    nodes { key name }
    hops { relationship { id type citations { reference } } }
  }
}`,
  'neighbourhood-2': `query Neighbourhood($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: ${NEIGHBOURHOOD_LIMIT}) {
    nodes { key name type }
    edges { id type citations { reference } from { key } to { key } }
  }
}`,
};

const NEO4J_GRAPHQL_QUERIES: Record<WorkloadName, string> = {
  'entity-2-levels': `query Entity2($id: ID!) {
  events(where: { id: { eq: $id } }) {
    id name citations
    participantsConnection(first: 20, sort: [{ node: { name: ASC } }]) {
      totalCount
      edges {
        properties { id role citations }
        node {
          id name citations
          eventsConnection(first: 20, sort: [{ node: { name: ASC } }]) {
            totalCount
            edges { properties { ... on ParticipatesInProperties { id role citations } } node { id name } }
          }
        }
      }
    }
  }
}`,
  'list-50': `query List50($name: String!) {
  people(where: { name: { gt: $name } }, sort: [{ name: ASC }], limit: 50) {
    id name citations
    eventsConnection(first: 10, sort: [{ node: { name: ASC } }]) {
      totalCount
      edges { properties { ... on ParticipatesInProperties { id role citations } } node { id name } }
    }
  }
}`,
  search: `query Search($phrase: String!) {
  searchEntities(phrase: $phrase, first: 10) { edges { score node { id name type citations } } }
}`,
  paths: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to) {
    length nodeIds nodeNames
    hops { relationshipId type citations }
  }
}`,
  'neighbourhood-2': `query Neighbourhood($id: ID!) {
  neighbourhood(id: $id) {
    nodes { id name type }
    edges { id type from to citations }
  }
}`,
};

/** The HTTP request each server gets for one set of parameters. */
export function requestFor(server: ServerName, params: WorkloadParams): HttpRequest {
  if (server === 'raw') return { path: `/raw/${params.workload}`, body: JSON.stringify(rawParams(params)) };
  const query = (server === 'ours' ? OURS_QUERIES : NEO4J_GRAPHQL_QUERIES)[params.workload];
  const variables = server === 'ours' ? oursVariables(params) : neo4jGraphqlVariables(params);
  return { path: '/graphql', body: JSON.stringify({ query, variables }) };
}

function oursVariables(params: WorkloadParams): Record<string, unknown> {
  switch (params.workload) {
    case 'entity-2-levels':
    case 'neighbourhood-2':
      return { id: params.id };
    case 'list-50':
      // Our keyset cursor is the (name, key) of the row before the page.
      return { after: encodeCursor([params.afterName, params.afterId]) };
    case 'search':
      return { query: params.text };
    case 'paths':
      return { from: params.from, to: params.to };
  }
}

function neo4jGraphqlVariables(params: WorkloadParams): Record<string, unknown> {
  switch (params.workload) {
    case 'entity-2-levels':
    case 'neighbourhood-2':
      return { id: params.id };
    case 'list-50':
      return { name: params.afterName };
    case 'search':
      // The same Lucene query our API builds from the text (src/search/lucene-query.ts).
      return { phrase: toLuceneQuery(params.text) };
    case 'paths':
      return { from: params.from, to: params.to };
  }
}

function rawParams(params: WorkloadParams): Record<string, unknown> {
  switch (params.workload) {
    case 'entity-2-levels':
      return { id: params.id };
    case 'neighbourhood-2':
      return neighbourhoodFloorParams(params.id);
    case 'list-50':
      return { name: params.afterName, id: params.afterId };
    case 'search':
      return { query: toLuceneQuery(params.text) };
    case 'paths':
      return pathsFloorParams(params.from, params.to);
  }
}

/**
 * How many items an answer holds (entities and relationships at every level),
 * so the report can show that the three servers return the same data; throws
 * on GraphQL errors.
 */
export function countItems(body: string): number {
  const parsed = JSON.parse(body) as { data?: unknown; errors?: { message: string }[] };
  if (parsed.errors && parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return countObjects(parsed.data);
}

/** Objects with an id-like field, anywhere in the answer: entities and relationships. */
function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countObjects(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  let own = 0;
  if (typeof record['id'] === 'string' || typeof record['key'] === 'string' || typeof record['relationshipId'] === 'string') own = 1;
  let nested = 0;
  for (const [key, item] of Object.entries(record)) {
    if (key === 'nodeIds' && Array.isArray(item)) nested += item.length;
    // A relationship's ends are counted as entities elsewhere in the answer.
    else if (key !== 'from' && key !== 'to') nested += countObjects(item);
  }
  return own + nested;
}
