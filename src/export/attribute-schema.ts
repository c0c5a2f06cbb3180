import {
  ENTITY_LABELS,
  LABELS,
  RELATIONSHIP_TYPES,
  RELATIONSHIPS,
  type PropertySpec,
  type PropertyType,
} from '../model/graph-model.js';

/**
 * The columns every export format writes, derived from the graph model so that
 * GraphML, GEXF, CSV, node-link and Cytoscape JSON carry the same attributes
 * under the same names. Values are scalars only: GraphML allows nothing else
 * (igraph rejects list types), so lists are joined with `;`.
 */
export type AttributeType = 'string' | 'double' | 'int' | 'boolean';

export interface Attribute {
  readonly name: string;
  readonly type: AttributeType;
  readonly description: string;
}

/** A scalar attribute value; `undefined` means the element has none. */
export type AttributeValue = string | number | boolean;

/** One node or edge, ready for a writer: its id (and ends) plus attribute values by column name. */
export interface ExportNode {
  readonly id: string;
  readonly values: Readonly<Record<string, AttributeValue | undefined>>;
}

export interface ExportEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly values: Readonly<Record<string, AttributeValue | undefined>>;
}

/** What a writer reads: the columns, then the nodes, then the edges (each iterated once, in that order). */
export interface ExportGraph {
  readonly nodeAttributes: readonly Attribute[];
  readonly edgeAttributes: readonly Attribute[];
  readonly nodes: AsyncIterable<ExportNode>;
  readonly edges: AsyncIterable<ExportEdge>;
  /** One line saying what the export holds (the selection), for file metadata. */
  readonly description: string;
  /** Whether edges are directed (default true); projections are undirected unless asked. */
  readonly directed?: boolean;
}

/** The separator of list values (aliases, citations, authors): `doc.txt:12;doc.txt:14-15`. */
export const LIST_SEPARATOR = ';';

const TYPES: Record<PropertyType, AttributeType> = {
  string: 'string',
  date: 'string',
  number: 'double',
  boolean: 'boolean',
  'string[]': 'string',
};

/** Common node columns; `label` is the entity's name (Gephi, Cytoscape and yEd show it). */
const COMMON_NODE_ATTRIBUTES: readonly Attribute[] = [
  { name: 'label', type: 'string', description: 'Canonical display name.' },
  { name: 'type', type: 'string', description: 'The kind of entity (its Neo4j kind label, e.g. Person, Treaty).' },
  { name: 'aliases', type: 'string', description: 'Other names, separated by ";".' },
  { name: 'aliasUsedBy', type: 'string', description: 'Parallel to aliases: whose usage each alias is (an entity id, or empty), separated by ";".' },
  { name: 'description', type: 'string', description: 'One or two sentences in our words.' },
  { name: 'citations', type: 'string', description: 'Where the sources say so: file.txt:lines entries separated by ";".' },
  { name: 'dateFrom', type: 'string', description: 'First day covered by the entity\'s dates (ISO day).' },
  { name: 'dateTo', type: 'string', description: 'Last day covered by the entity\'s dates (ISO day).' },
  { name: 'origin', type: 'string', description: 'Where the fact came from: seed (the seed files) or curated (added through the curation API).' },
];

/** Common edge columns; `label` repeats the relationship type so that tools show it on the edge. */
const COMMON_EDGE_ATTRIBUTES: readonly Attribute[] = [
  { name: 'label', type: 'string', description: 'The relationship type, as the edge label.' },
  {
    name: 'relationshipId',
    type: 'string',
    description: 'The relationship\'s stable id (a derived tie\'s `KIND:a:b`), as data, so it survives readers that drop XML edge ids (igraph).',
  },
  { name: 'relationshipType', type: 'string', description: 'The relationship type (e.g. HOLDS_OFFICE), or a derived tie\'s kind (e.g. SHARED_EVENT).' },
  { name: 'citations', type: 'string', description: 'Where the sources say so: file.txt:lines entries separated by ";".' },
  { name: 'validFrom', type: 'string', description: 'First day the relationship held (ISO day), if dated.' },
  { name: 'validTo', type: 'string', description: 'Last day the relationship held (ISO day), if it ended.' },
  { name: 'origin', type: 'string', description: 'Where the fact came from: seed (the seed files) or curated (added through the curation API).' },
];

/** Per-node metrics, present only when a request asks for them; `directed` says which graph they were computed on. */
export function metricAttributes(directed: boolean): readonly Attribute[] {
  const graph = directed ? 'directed' : 'undirected';
  return [
    { name: 'degree', type: 'int', description: 'Edges at the node, both directions (parallel edges count).' },
    { name: 'inDegree', type: 'int', description: directed ? 'Incoming edges.' : 'Same as degree (undirected graph).' },
    { name: 'outDegree', type: 'int', description: directed ? 'Outgoing edges.' : 'Same as degree (undirected graph).' },
    { name: 'betweenness', type: 'double', description: `Normalised betweenness centrality (${graph}, unweighted).` },
    { name: 'pagerank', type: 'double', description: `PageRank (damping 0.85, ${graph}, unweighted, parallel edges counted).` },
    { name: 'community', type: 'int', description: 'Louvain community number (deterministic seed).' },
  ];
}

export const METRIC_ATTRIBUTES: readonly Attribute[] = metricAttributes(true);

/**
 * Columns of an export with `includeRetracted`, on nodes and edges alike: whether
 * the fact is retracted and, if so, who retracted it, when and why.
 */
export const RETRACTION_ATTRIBUTES: readonly Attribute[] = [
  { name: 'retracted', type: 'boolean', description: 'True if the fact was retracted through the curation API (hidden from every read), false if it is live.' },
  { name: 'retractedAt', type: 'string', description: 'When it was retracted (ISO date-time).' },
  { name: 'retractedBy', type: 'string', description: 'Who retracted it: the API key (key:<id>).' },
  { name: 'retractedReason', type: 'string', description: 'Why, as the curator gave it.' },
  { name: 'retractedWith', type: 'string', description: 'The entity whose retraction took this fact with it, if any.' },
];

/** Edge columns only a projection has: what makes a tie derived, and how much evidence it rests on. */
export const TIE_ATTRIBUTES: readonly Attribute[] = [
  { name: 'derived', type: 'boolean', description: 'True if the tie is derived through hidden nodes (events, treaties, statements ...), false if one stored relationship.' },
  { name: 'weight', type: 'double', description: 'Pieces of evidence behind the tie: 1 for a stored relationship, the number of hidden nodes for a derived tie.' },
  { name: 'evidence', type: 'string', description: 'Ids of the hidden nodes behind a derived tie, separated by ";".' },
  { name: 'evidenceRelationships', type: 'string', description: 'Ids of the stored relationships behind a derived tie, separated by ";".' },
];

/** The model's properties, each name once, in model order; the first description wins. */
function modelProperties(specs: readonly Readonly<Record<string, PropertySpec>>[], taken: readonly Attribute[]): Attribute[] {
  const out = new Map<string, Attribute>();
  for (const properties of specs) {
    for (const [name, spec] of Object.entries(properties)) {
      const type = TYPES[spec.type];
      const existing = out.get(name);
      if (existing && existing.type !== type) throw new Error(`invariant: property "${name}" has two types in the model`);
      if (taken.some((a) => a.name === name)) throw new Error(`invariant: property "${name}" collides with a common export column`);
      if (!existing) out.set(name, { name, type, description: spec.description });
    }
  }
  return [...out.values()];
}

export const NODE_ATTRIBUTES: readonly Attribute[] = [
  ...COMMON_NODE_ATTRIBUTES,
  ...modelProperties(ENTITY_LABELS.map((label) => LABELS[label].properties), COMMON_NODE_ATTRIBUTES),
];

export const EDGE_ATTRIBUTES: readonly Attribute[] = [
  ...COMMON_EDGE_ATTRIBUTES,
  ...modelProperties(RELATIONSHIP_TYPES.map((type) => RELATIONSHIPS[type].properties), COMMON_EDGE_ATTRIBUTES),
];

/** The node columns of one export: the model's, plus the metrics when requested. */
export function nodeAttributes(withMetrics: boolean, directed = true): readonly Attribute[] {
  return withMetrics ? [...NODE_ATTRIBUTES, ...metricAttributes(directed)] : NODE_ATTRIBUTES;
}

/** Turns a stored value into the column's scalar: lists are joined, numbers checked. */
export function toAttributeValue(attribute: Attribute, value: unknown): AttributeValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(text).join(LIST_SEPARATOR);
  switch (attribute.type) {
    case 'double':
    case 'int': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : text(value) === 'true';
    case 'string':
      return text(value);
  }
}

/** Plain values as themselves; anything else (the model stores none) as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
