/** The GraphQL operations the explorer sends, and the shapes of their answers. */
import type { EntitySummary } from './api.js';

const ENTITY_FIELDS = 'key name type dateFrom dateTo origin';
/** Citations as the map carries them: the documents' titles come once (SOURCES), the quoted lines when a tie is selected. */
const CITATION_FIELDS = 'document startLine endLine';
const RELATIONSHIP_PROPERTIES = 'date start end role relation status amount currency share effect';
/** A tie as drawn: a stored relationship or one derived through hidden layers, with what stands behind it. */
const TIE_FIELDS = `id kind derived weight relation firstDate lastDate from { key } to { key }
  relationship { id type origin ${RELATIONSHIP_PROPERTIES} }
  citations { ${CITATION_FIELDS} }
  evidence { entity { ${ENTITY_FIELDS} } }`;

export const SEARCH_QUERY = `query ExplorerSearch($query: String!, $first: Int) {
  search(query: $query, first: $first) { entity { ${ENTITY_FIELDS} aliases { name } } }
}`;

export const NEIGHBORHOOD_QUERY = `query ExplorerNeighborhood($id: ID!, $limit: Int, $types: [RelationshipType!], $layers: [Layer!]) {
  neighborhood(id: $id, depth: 1, limit: $limit, types: $types, layers: $layers) {
    omitted totalCount
    nodes { ${ENTITY_FIELDS} }
    ties { ${TIE_FIELDS} }
  }
  centre: entity(id: $id) { key relationshipCounts { type total } }
}`;

/** Two steps around an entity in one request: the network view (evidence folded into the ties). */
export const NETWORK_QUERY = `query ExplorerNetwork($id: ID!, $depth: Int, $layers: [Layer!]) {
  network(id: $id, depth: $depth, layers: $layers, maxNodes: 150) {
    omitted
    nodes { ${ENTITY_FIELDS} }
    ties { ${TIE_FIELDS} }
  }
}`;

export const PATHS_QUERY = `query ExplorerPaths($from: ID!, $to: ID!, $k: Int, $maxHops: Int, $relationshipTypes: [RelationshipType!], $avoidTypes: [TieKind!], $hubCost: Float, $layers: [Layer!]) {
  paths(from: $from, to: $to, k: $k, maxHops: $maxHops, relationshipTypes: $relationshipTypes, avoidTypes: $avoidTypes, hubCost: $hubCost, layers: $layers) {
    rank cost length
    nodes { ${ENTITY_FIELDS} }
    hops {
      forward cost from { key } to { key }
      tie { ${TIE_FIELDS} }
      citations { ${CITATION_FIELDS} quote }
    }
  }
}`;

/** Retracted facts at the entities loaded (the "retracted" filter): hidden from every other read. */
export const RETRACTED_QUERY = `query ExplorerRetracted($around: [ID!]!) {
  retractedFacts(around: $around) {
    entities { key name type origin retraction { at by reason } }
    relationships { id type fromKey toKey origin validFrom validTo citations { ${CITATION_FIELDS} } retraction { at by reason withEntity } }
  }
}`;

export const ENTITY_QUERY = `query ExplorerEntity($id: ID!) {
  entity(id: $id) {
    ${ENTITY_FIELDS}
    description
    aliases { name usedBy { name } }
    citations { ${CITATION_FIELDS} }
    relationshipCounts { type total }
    origin version
  }
}`;

/** What the page needs once: the years the graph covers and the source documents' readable names. */
export const START_QUERY = `query ExplorerStart {
  first: entities(filter: { dateFrom: "0001" }, orderBy: DATE_ASC, first: 1) { nodes { dateFrom } }
  last: entities(filter: { dateFrom: "0001" }, orderBy: DATE_DESC, first: 1) { nodes { dateFrom dateTo } }
  sources(first: 100) { nodes { ... on Source { fileName name authors publisher } } }
}`;

export interface RelationshipResult {
  readonly id: string;
  readonly type: string;
  readonly origin: 'SEED' | 'CURATED';
  readonly date: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly role: string | null;
  readonly relation: string | null;
  readonly status: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly share: number | null;
  readonly effect: string | null;
}

export interface CitationResult {
  readonly document: string;
  /** Null for a page/quote citation of a source added without text (curation). */
  readonly startLine: number | null;
  readonly endLine: number | null;
  readonly quote?: string | null;
}

export interface TieResult {
  readonly id: string;
  readonly kind: string;
  readonly derived: boolean;
  readonly weight: number;
  readonly relation: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly from: { readonly key: string };
  readonly to: { readonly key: string };
  readonly relationship: RelationshipResult | null;
  readonly citations: readonly CitationResult[];
  readonly evidence: readonly { readonly entity: EntitySummary }[];
}

export interface SearchResult {
  readonly search: readonly { readonly entity: EntitySummary & { readonly aliases: readonly { readonly name: string }[] } }[];
}

export interface NeighborhoodResult {
  readonly neighborhood: { readonly omitted: number; readonly totalCount: number; readonly nodes: readonly EntitySummary[]; readonly ties: readonly TieResult[] };
  readonly centre: { readonly key: string; readonly relationshipCounts: readonly { readonly type: string; readonly total: number }[] } | null;
}

export interface NetworkResult {
  readonly network: { readonly omitted: number; readonly nodes: readonly EntitySummary[]; readonly ties: readonly TieResult[] };
}

export interface PathsResult {
  readonly paths: readonly {
    readonly rank: number;
    readonly cost: number;
    readonly length: number;
    readonly nodes: readonly EntitySummary[];
    readonly hops: readonly {
      readonly forward: boolean;
      readonly cost: number;
      readonly from: { readonly key: string };
      readonly to: { readonly key: string };
      readonly tie: TieResult;
      readonly citations: readonly CitationResult[];
    }[];
  }[];
}

export interface EntityDetailsResult {
  readonly entity:
    | (EntitySummary & {
        readonly description: string | null;
        readonly aliases: readonly { readonly name: string; readonly usedBy: { readonly name: string } | null }[];
        readonly citations: readonly CitationResult[];
        readonly relationshipCounts: readonly { readonly type: string; readonly total: number }[];
        readonly origin: 'SEED' | 'CURATED';
        readonly version: number;
      })
    | null;
}

export interface RetractionResult {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  readonly withEntity?: string | null;
}

export interface RetractedResult {
  readonly retractedFacts: {
    readonly entities: readonly { readonly key: string; readonly name: string; readonly type: string | null; readonly origin: 'SEED' | 'CURATED'; readonly retraction: RetractionResult }[];
    readonly relationships: readonly {
      readonly id: string;
      readonly type: string;
      readonly fromKey: string;
      readonly toKey: string;
      readonly origin: 'SEED' | 'CURATED';
      readonly validFrom: string | null;
      readonly validTo: string | null;
      readonly citations: readonly CitationResult[];
      readonly retraction: RetractionResult;
    }[];
  };
}

export interface StartResult {
  readonly first: { readonly nodes: readonly { readonly dateFrom: string | null }[] };
  readonly last: { readonly nodes: readonly { readonly dateFrom: string | null; readonly dateTo: string | null }[] };
  readonly sources: { readonly nodes: readonly { readonly fileName: string | null; readonly name: string; readonly authors: readonly string[] | null; readonly publisher: string | null }[] };
}
