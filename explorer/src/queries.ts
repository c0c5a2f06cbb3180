/** The GraphQL operations the explorer sends, and the shapes of their answers. */
import type { CitationView, EntitySummary } from './api.js';

const ENTITY_FIELDS = 'key name type dateFrom dateTo';
const CITATION_FIELDS = 'document startLine endLine source { title authors publisher }';
const RELATIONSHIP_FIELDS = `id type from { key } to { key } validFrom validTo
  date start end role relation status amount currency share effect
  citations { ${CITATION_FIELDS} }`;

export const SEARCH_QUERY = `query ExplorerSearch($query: String!, $first: Int) {
  search(query: $query, first: $first) { entity { ${ENTITY_FIELDS} aliases { name } } }
}`;

export const NEIGHBORHOOD_QUERY = `query ExplorerNeighborhood($id: ID!, $limit: Int) {
  neighborhood(id: $id, depth: 1, limit: $limit) {
    nodes { ${ENTITY_FIELDS} }
    edges { ${RELATIONSHIP_FIELDS} }
  }
}`;

// Derived ties are avoided so that every hop is a stored relationship, which is what this view draws
// (a derived hop has no `relationship`); drawing derived hops with their evidence is the explorer's next step.
export const PATHS_QUERY = `query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $relationshipTypes: [RelationshipType!]) {
  paths(
    from: $from, to: $to, maxHops: $maxHops, relationshipTypes: $relationshipTypes, k: 5,
    avoidTypes: [SHARED_EVENT, SHARED_TREATY, SHARED_POLICY, SHARED_PROJECT, SHARED_PLACE, SHARED_SANCTION, STATEMENT, OBSERVATION, SOURCE]
  ) {
    nodes { ${ENTITY_FIELDS} }
    hops { forward from { key } to { key } relationship { ${RELATIONSHIP_FIELDS} } }
  }
}`;

export const ENTITY_QUERY = `query ExplorerEntity($id: ID!) {
  entity(id: $id) {
    ${ENTITY_FIELDS}
    description
    aliases { name usedBy { name } }
    citations { ${CITATION_FIELDS} }
    relationshipCounts { type total }
  }
}`;

export const YEAR_BOUNDS_QUERY = `query ExplorerYears {
  first: entities(filter: { dateFrom: "0001" }, orderBy: DATE_ASC, first: 1) { nodes { dateFrom } }
  last: entities(filter: { dateFrom: "0001" }, orderBy: DATE_DESC, first: 1) { nodes { dateFrom dateTo } }
}`;

export interface RelationshipResult {
  readonly id: string;
  readonly type: string;
  readonly from: { readonly key: string };
  readonly to: { readonly key: string };
  readonly validFrom: string | null;
  readonly validTo: string | null;
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
  readonly citations: readonly CitationView[];
}

export interface SearchResult {
  readonly search: readonly { readonly entity: EntitySummary & { readonly aliases: readonly { readonly name: string }[] } }[];
}

export interface NeighborhoodResult {
  readonly neighborhood: { readonly nodes: readonly EntitySummary[]; readonly edges: readonly RelationshipResult[] };
}

export interface PathsResult {
  readonly paths: readonly {
    readonly nodes: readonly EntitySummary[];
    readonly hops: readonly {
      readonly forward: boolean;
      readonly from: { readonly key: string };
      readonly to: { readonly key: string };
      readonly relationship: RelationshipResult;
    }[];
  }[];
}

export interface EntityDetailsResult {
  readonly entity:
    | (EntitySummary & {
        readonly description: string | null;
        readonly aliases: readonly { readonly name: string; readonly usedBy: { readonly name: string } | null }[];
        readonly citations: readonly CitationView[];
        readonly relationshipCounts: readonly { readonly type: string; readonly total: number }[];
      })
    | null;
}

export interface YearBoundsResult {
  readonly first: { readonly nodes: readonly { readonly dateFrom: string | null }[] };
  readonly last: { readonly nodes: readonly { readonly dateFrom: string | null; readonly dateTo: string | null }[] };
}
