import {
  ENTITY_LABELS,
  LABELS,
  RELATIONSHIPS,
  type EntityLabel,
  type PropertySpec,
  type RelationshipType,
} from '../../../../src/model/graph-model.js';
import { NEIGHBOURHOOD_LIMIT, neighbourhoodFloorParams, PATHS_K, pathsFloorParams, RAW_NEIGHBOURHOOD, RAW_PATHS, withLiterals } from './network-floor.js';

/**
 * The typed relationship fields of our schema (src/schema/typed-relationships.ts),
 * one @relationship field each (@neo4j/graphql takes one type per field, so the
 * project's four-type `participants` becomes four fields), plus `events` on
 * every actor: the field the two-level workload follows.
 */
const TYPED_FIELDS: readonly (readonly [EntityLabel, string, RelationshipType, 'OUT' | 'IN'])[] = [
  ['Person', 'offices', 'HOLDS_OFFICE', 'OUT'],
  ['Person', 'affiliations', 'AFFILIATED_WITH', 'OUT'],
  ['Person', 'statements', 'STATED', 'OUT'],
  ['Country', 'memberships', 'MEMBER_OF', 'OUT'],
  ['Country', 'claims', 'CLAIMS', 'OUT'],
  ['Country', 'treaties', 'PARTY_TO', 'OUT'],
  ['Event', 'places', 'HELD_IN', 'OUT'],
  ['Project', 'participants', 'PARTICIPATES_IN', 'IN'],
  ['Project', 'investors', 'INVESTS_IN', 'IN'],
  ['Project', 'financiers', 'FINANCES', 'IN'],
  ['Project', 'owners', 'OWNS', 'IN'],
  ['Treaty', 'parties', 'PARTY_TO', 'IN'],
  ['Treaty', 'territorialEffects', 'AFFECTS_TERRITORY', 'OUT'],
  ['Place', 'claimants', 'CLAIMS', 'IN'],
  ['Place', 'administrators', 'ADMINISTERS', 'IN'],
  ['Place', 'treatyEffects', 'AFFECTS_TERRITORY', 'IN'],
  ['Sanction', 'imposedBy', 'IMPOSED', 'IN'],
  ['Sanction', 'targets', 'TARGETS', 'OUT'],
  ['Observation', 'subjects', 'ABOUT', 'OUT'],
  ['Statement', 'speakers', 'STATED', 'IN'],
  ['Statement', 'subjects', 'ABOUT', 'OUT'],
  ['Source', 'authoredBy', 'AUTHORED', 'IN'],
  ['Source', 'publishedBy', 'PUBLISHED', 'IN'],
];

/** Who may start a PARTICIPATES_IN relationship: the `Actor` interface. */
const ACTORS = RELATIONSHIPS.PARTICIPATES_IN.from as readonly EntityLabel[];

const COMMON = `
  id: ID!
  name: String!
  aliases: [String!]
  aliasUsedBy: [String!]
  description: String
  citations: [String!]!
  dateFrom: String
  dateTo: String`;

/**
 * The type definitions of a @neo4j/graphql server equivalent to our API, built
 * from the same model (src/model/graph-model.ts): an `Entity` interface, one
 * node type per label with the label's properties, relationship properties
 * types carrying `id` and `citations`, fulltext search over the product's
 * `entity_names` index, and @cypher fields where the library has no native
 * construct (shortest paths, neighbourhoods).
 */
export function neo4jGraphqlTypeDefs(): string {
  const usedTypes = new Set<RelationshipType>(['PARTICIPATES_IN', ...TYPED_FIELDS.map(([, , type]) => type)]);
  const parts: string[] = [];
  parts.push(`interface Entity {${COMMON}\n}`);
  parts.push(`interface Actor {${COMMON}\n  events: [Entity!]! @declareRelationship\n}`);
  for (const type of usedTypes) parts.push(relationshipPropertiesType(type));
  for (const label of ENTITY_LABELS) {
    const isActor = ACTORS.includes(label);
    const fields: string[] = [COMMON];
    for (const [name, spec] of Object.entries(LABELS[label].properties)) fields.push(`  ${name}: ${scalar(spec)}`);
    for (const [owner, field, type, direction] of TYPED_FIELDS) {
      if (owner === label) fields.push(`  ${field}: [Entity!]! @relationship(type: "${type}", direction: ${direction}, properties: "${propsName(type)}")`);
    }
    if (label === 'Event') fields.push(`  participants: [Actor!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "${propsName('PARTICIPATES_IN')}")`);
    if (isActor) fields.push(`  events: [Entity!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "${propsName('PARTICIPATES_IN')}")`);
    const interfaces = isActor ? 'Entity & Actor' : 'Entity';
    parts.push(`type ${label} implements ${interfaces} @node(labels: ["${label}", "Entity"]) {\n${fields.join('\n')}\n}`);
  }
  // Search over every kind at once: a node type on the common label, as our index is.
  parts.push(`type AnyEntity @node(labels: ["Entity"]) @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchEntities", fields: ["name"] }]) {
  id: ID!
  name: String!
  citations: [String!]!
  type: String! @cypher(statement: "RETURN head([l IN labels(this) WHERE l <> 'Entity']) AS type", columnName: "type")
}`);
  const paths = withLiterals(RAW_PATHS, pathsFloorParams('', ''));
  const hood = withLiterals(RAW_NEIGHBOURHOOD, neighbourhoodFloorParams(''));
  parts.push(`type PathHop {
  "The stored relationship walked; null for a tie derived through a hidden entity."
  relationshipId: ID
  type: String
  citations: [String!]
}

type Path {
  length: Int!
  nodeIds: [ID!]!
  nodeNames: [String!]!
  hops: [PathHop!]!
}

type NeighbourhoodNode {
  id: ID!
  name: String!
  type: String!
}

type Neighbourhood {
  nodes: [NeighbourhoodNode!]!
  edges: [NeighbourhoodEdge!]!
}

type NeighbourhoodEdge {
  id: ID!
  type: String!
  from: ID!
  to: ID!
  citations: [String!]!
}

type Query {
  "The ${PATHS_K} cheapest routes of our API's semantics (bench/suite/src/servers/network-floor.ts): the library has no path construct, so a @cypher field."
  paths(from: ID!, to: ID!): [Path!]!
    @cypher(
      statement: """
      CALL () {${paths}
      }
      RETURN { length: length, nodeIds: [n IN nodes | n.id], nodeNames: [n IN nodes | n.name], hops: hops } AS path
      """
      columnName: "path"
    )
  "The depth-2 neighbourhood of our API's semantics (at most ${NEIGHBOURHOOD_LIMIT} besides the centre) and the relationships among them: a @cypher field."
  neighbourhood(id: ID!): Neighbourhood
    @cypher(
      statement: """
      CALL () {${hood}
      }
      RETURN {
        nodes: [n IN nodes | { id: n.id, name: n.name, type: n.label }],
        edges: [r IN rels | { id: r.id, type: r.type, from: r.from, to: r.to, citations: r.citations }]
      } AS hood
      """
      columnName: "hood"
    )
}`);
  return parts.join('\n\n');
}

function relationshipPropertiesType(type: RelationshipType): string {
  const fields = ['  id: ID!', '  citations: [String!]!', '  validFrom: String', '  validTo: String'];
  for (const [name, spec] of Object.entries(RELATIONSHIPS[type].properties)) fields.push(`  ${name}: ${scalar(spec)}`);
  return `type ${propsName(type)} @relationshipProperties {\n${fields.join('\n')}\n}`;
}

function propsName(type: RelationshipType): string {
  return type
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('') + 'Properties';
}

function scalar(spec: PropertySpec): string {
  switch (spec.type) {
    case 'number':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    case 'string[]':
      return '[String!]';
    case 'date':
    case 'string':
      return 'String';
  }
}
