import { firstDay, lastDay } from '../../../../src/model/dates.js';
import {
  LABELS,
  RELATIONSHIPS,
  REQUIRED_PROPERTIES,
  REQUIRED_RELATIONSHIP_PROPERTIES,
  type EntityLabel,
  type PropertySpec,
  type RelationshipType,
} from '../../../../src/model/graph-model.js';
import { createRandom, createZipfSampler, type Random } from './prng.js';
import { description, entityName, ROLES, TOPIC_WORDS, word } from './names.js';

/** Bumped whenever the generator's output changes, so stale benchmark databases are rebuilt. */
export const GENERATOR_VERSION = 2;

export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type SizeName = keyof typeof SIZES;

/** The source documents the corpus is built from (seed/documents.json): citations point into them. */
export interface SourceDocument {
  readonly fileName: string;
  readonly lines: number;
}

export type Value = string | number | boolean | string[];

export interface NodeRow {
  readonly label: EntityLabel;
  readonly props: Record<string, Value>;
}

export interface RelationshipRow {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, Value>;
}

/**
 * Share of nodes per label, from the seed graph (659 entities): statements and
 * observations dominate, states are few. Countries and sources are fixed counts
 * (there are only so many states, and five documents).
 */
const LABEL_SHARE: Readonly<Record<Exclude<EntityLabel, 'Country' | 'Source'>, number>> = {
  Statement: 0.337,
  Observation: 0.229,
  Place: 0.082,
  Event: 0.07,
  Policy: 0.065,
  Person: 0.039,
  PublicBody: 0.038,
  Organization: 0.026,
  InternationalOrganization: 0.02,
  Treaty: 0.018,
  Company: 0.018,
  Project: 0.015,
  Sanction: 0.0076,
};

/**
 * How skewed each label's degrees are: endpoints are drawn with weight
 * (rank + 1)^-alpha (Chung–Lu), so a few countries, places and people become
 * hubs (Russia, Japan, the islands, the leaders) while statements and figures
 * keep a handful of relationships each.
 */
const ALPHA: Readonly<Record<EntityLabel, number>> = {
  Country: 1.0,
  Place: 0.9,
  InternationalOrganization: 0.9,
  Person: 0.8,
  Event: 0.8,
  Policy: 0.8,
  PublicBody: 0.8,
  Organization: 0.8,
  Company: 0.8,
  Treaty: 0.8,
  Project: 0.8,
  Sanction: 0.8,
  Source: 0.5,
  Statement: 0.3,
  Observation: 0.3,
};

/**
 * The relationship mix: (type, start label, end label, weight), the weights
 * being the seed graph's counts for that combination (plus a few rare ones so
 * every type occurs). Checked against the model's allowed endpoints at start.
 */
const MIX: readonly (readonly [RelationshipType, EntityLabel, EntityLabel, number])[] = [
  ['ABOUT', 'Observation', 'Country', 218],
  ['ABOUT', 'Statement', 'Country', 197],
  ['REPORTED_BY', 'Statement', 'Source', 117],
  ['ABOUT', 'Statement', 'Place', 112],
  ['STATED', 'Person', 'Statement', 98],
  ['REPORTED_BY', 'Observation', 'Organization', 71],
  ['REPORTED_BY', 'Observation', 'PublicBody', 63],
  ['ABOUT', 'Statement', 'Policy', 60],
  ['ABOUT', 'Statement', 'Event', 50],
  ['STATED', 'Country', 'Statement', 48],
  ['PARTICIPATES_IN', 'Person', 'Event', 40],
  ['ABOUT', 'Statement', 'Person', 37],
  ['ABOUT', 'Statement', 'Treaty', 30],
  ['PARTICIPATES_IN', 'Country', 'Event', 29],
  ['ABOUT', 'Observation', 'Place', 28],
  ['PARTICIPATES_IN', 'Country', 'Policy', 28],
  ['HELD_IN', 'Event', 'Place', 21],
  ['AFFECTS_TERRITORY', 'Treaty', 'Place', 19],
  ['ABOUT', 'Policy', 'Place', 17],
  ['STATED', 'Organization', 'Statement', 16],
  ['PART_OF', 'Place', 'Place', 15],
  ['PARTY_TO', 'Country', 'Treaty', 15],
  ['HOLDS_OFFICE', 'Person', 'Country', 13],
  ['SUPPORTS', 'Person', 'Policy', 13],
  ['PROPOSED', 'Country', 'Policy', 12],
  ['ABOUT', 'Statement', 'Sanction', 11],
  ['ABOUT', 'Statement', 'InternationalOrganization', 11],
  ['ABOUT', 'Statement', 'PublicBody', 10],
  ['PART_OF', 'Place', 'Country', 10],
  ['AFFECTS_TERRITORY', 'Policy', 'Place', 10],
  ['PART_OF', 'PublicBody', 'Country', 9],
  ['CONCLUDED_AT', 'Policy', 'Event', 9],
  ['ABOUT', 'Event', 'Place', 9],
  ['BASED_IN', 'Company', 'Country', 9],
  ['ABOUT', 'Statement', 'Project', 9],
  ['ABOUT', 'Source', 'Country', 8],
  ['BASED_IN', 'PublicBody', 'Country', 8],
  ['PART_OF', 'Event', 'Event', 8],
  ['MEMBER_OF', 'Country', 'InternationalOrganization', 8],
  ['PROPOSED', 'Person', 'Policy', 8],
  ['ABOUT', 'Policy', 'Country', 8],
  ['ABOUT', 'Observation', 'Event', 7],
  ['PARTY_TO', 'Company', 'Treaty', 7],
  ['PARTICIPATES_IN', 'PublicBody', 'Policy', 7],
  ['RELATED_TO', 'Statement', 'Event', 7],
  ['PART_OF', 'PublicBody', 'PublicBody', 6],
  ['HELD_IN', 'Event', 'Country', 6],
  ['ABOUT', 'Observation', 'Person', 6],
  ['ABOUT', 'Observation', 'Policy', 6],
  ['HOLDS_OFFICE', 'Person', 'PublicBody', 6],
  ['RELATED_TO', 'Person', 'Person', 6],
  ['RELATED_TO', 'Country', 'Country', 6],
  ['ADMINISTERS', 'Country', 'Place', 6],
  ['SUPPORTS', 'Country', 'Policy', 6],
  ['ABOUT', 'Project', 'Place', 6],
  ['AFFECTS_TERRITORY', 'Event', 'Place', 5],
  ['TARGETS', 'Sanction', 'Country', 5],
  ['RELATED_TO', 'Event', 'Event', 5],
  ['ABOUT', 'Event', 'Country', 5],
  ['ABOUT', 'Event', 'Treaty', 5],
  ['AUTHORED', 'Person', 'Source', 4],
  ['AFFILIATED_WITH', 'Person', 'Organization', 4],
  ['RELATED_TO', 'Sanction', 'Event', 4],
  ['ABOUT', 'Observation', 'Treaty', 4],
  ['ADJACENT_TO', 'Place', 'Place', 4],
  ['SUPPORTS', 'Country', 'Treaty', 4],
  ['OPPOSES', 'Country', 'Policy', 4],
  ['TARGETS', 'Sanction', 'Company', 4],
  ['ABOUT', 'Policy', 'Event', 4],
  ['ABOUT', 'Observation', 'Project', 4],
  ['REPORTED_BY', 'Statement', 'Organization', 4],
  ['PART_OF', 'Policy', 'Policy', 4],
  ['STATED', 'PublicBody', 'Statement', 3],
  ['CLAIMS', 'Country', 'Place', 3],
  ['ABOUT', 'Event', 'Event', 3],
  ['CONCLUDED_AT', 'Treaty', 'Event', 3],
  ['OWNS', 'Country', 'Company', 3],
  ['ABOUT', 'Sanction', 'Event', 3],
  ['PARTICIPATES_IN', 'Country', 'Project', 3],
  ['PARTICIPATES_IN', 'Person', 'Policy', 3],
  ['PARTICIPATES_IN', 'Company', 'Project', 3],
  ['PARTICIPATES_IN', 'InternationalOrganization', 'Event', 3],
  ['IMPOSED', 'Country', 'Sanction', 3],
  ['IMPOSED', 'InternationalOrganization', 'Sanction', 1],
  ['PUBLISHED', 'Organization', 'Source', 2],
  ['OCCUPIED', 'Country', 'Place', 2],
  ['INVESTS_IN', 'Company', 'Project', 2],
  ['FINANCES', 'Company', 'Project', 1],
  ['NATIONAL_OF', 'Person', 'Country', 2],
  ['ALLIED_WITH', 'Country', 'Country', 1],
  ['SUCCEEDED', 'Person', 'Person', 1],
  ['MEMBER_OF', 'Company', 'Organization', 1],
];

const CURRENCIES = ['USD billion', 'USD million', 'JPY billion', 'RUB billion'];
const SECTORS = ['LNG', 'oil and gas', 'investment', 'infrastructure', 'healthcare', 'fisheries', 'logistics', 'agriculture'];
const UNITS = ['USD billion', 'percent', 'km2', 'people', 'tonnes'];

export interface GraphPlan {
  readonly size: SizeName;
  readonly seed: number;
  readonly relationships: number;
  readonly nodesByLabel: Readonly<Record<EntityLabel, number>>;
  readonly nodes: number;
}

/** How many nodes of each label a graph of `size` relationships gets (about 2.75 relationships per node, as in the seed). */
export function planGraph(size: SizeName, seed: number): GraphPlan {
  const relationships = SIZES[size];
  const total = Math.round(relationships / 2.75);
  const countries = Math.min(200, Math.max(20, Math.round(total * 0.027)));
  const rest = total - countries - 5;
  const shares = Object.entries(LABEL_SHARE) as [EntityLabel, number][];
  const shareSum = shares.reduce((sum, [, share]) => sum + share, 0);
  const nodesByLabel = { Country: countries, Source: 5 } as Record<EntityLabel, number>;
  for (const [label, share] of shares) nodesByLabel[label] = Math.max(5, Math.round((rest * share) / shareSum));
  const nodes = Object.values(nodesByLabel).reduce((a, b) => a + b, 0);
  return { size, seed, relationships, nodesByLabel, nodes };
}

/** The key of the `index`-th generated entity of `label`: kebab-case like every key (`syn-public-body-42`). */
export function syntheticKey(label: EntityLabel, index: number): string {
  if (label === 'Source') return `source-${String(index).padStart(3, '0')}`;
  return `syn-${label.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}-${index}`;
}

/** Checks the relationship mix against the model: every combination must be one it allows. */
export function assertMixMatchesModel(): void {
  for (const [type, from, to] of MIX) {
    const spec = RELATIONSHIPS[type];
    const ok = (allowed: typeof spec.from, label: EntityLabel): boolean => allowed === 'Entity' || allowed.includes(label);
    if (!ok(spec.from, from) || !ok(spec.to, to)) throw new Error(`invariant: ${type} from ${from} to ${to} is not allowed by the model`);
  }
}

/**
 * Generates the entities in batches, label by label, deterministically from
 * the plan's seed. Every node carries `synthetic: true`. The five sources get
 * the real documents' file names, so every citation resolves to a source.
 */
export function* generateNodes(plan: GraphPlan, documents: readonly SourceDocument[], batchSize: number): Generator<NodeRow[]> {
  const random = createRandom(plan.seed);
  let batch: NodeRow[] = [];
  for (const label of Object.keys(plan.nodesByLabel) as EntityLabel[]) {
    const count = plan.nodesByLabel[label];
    for (let i = 0; i < count; i++) {
      batch.push({ label, props: nodeProps(label, i, random, documents) });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function nodeProps(label: EntityLabel, index: number, random: Random, documents: readonly SourceDocument[]): Record<string, Value> {
  const year = 1945 + random.int(74);
  const props: Record<string, Value> = {
    id: syntheticKey(label, index),
    name: entityName(label, index, random, year),
    citations: citations(random, documents, 1 + random.int(3)),
    synthetic: true,
  };
  const aliases: string[] = [];
  const usedBy: string[] = [];
  if (random.chance(0.25)) {
    const n = 1 + random.int(2);
    for (let i = 0; i < n; i++) {
      aliases.push(`${word(random)} ${random.pick(TOPIC_WORDS)}`);
      usedBy.push(random.chance(0.3) ? syntheticKey('Country', random.int(20)) : '');
    }
  }
  props['aliases'] = aliases;
  props['aliasUsedBy'] = usedBy;
  if (random.chance(0.5)) props['description'] = description(label, random);
  const required = REQUIRED_PROPERTIES[label] ?? [];
  for (const [name, spec] of Object.entries(LABELS[label].properties)) {
    if (!required.includes(name) && !random.chance(0.6)) continue;
    props[name] = propertyValue(name, spec, random, year);
  }
  if (label === 'Source') {
    const document = documents[index % documents.length];
    if (!document) throw new Error('invariant: no source documents');
    props['fileName'] = document.fileName;
    props['title'] = `Source document ${document.fileName}`;
  }
  const from = str(props['date']) ?? str(props['start']);
  const to = str(props['endDate']) ?? str(props['end']) ?? str(props['date']);
  if (from !== undefined) props['dateFrom'] = firstDay(from);
  if (to !== undefined) props['dateTo'] = lastDay(to);
  return props;
}

/**
 * Generates the relationships in batches. Each one picks a (type, start label,
 * end label) from the mix, then both ends with Zipf weights within their
 * label, which makes the degree distribution heavy-tailed. Ids are `syn-r-N`.
 */
export function* generateRelationships(plan: GraphPlan, documents: readonly SourceDocument[], batchSize: number): Generator<RelationshipRow[]> {
  assertMixMatchesModel();
  const random = createRandom(plan.seed ^ 0x5eed);
  const samplers = new Map<EntityLabel, (r: Random) => number>();
  for (const label of Object.keys(plan.nodesByLabel) as EntityLabel[]) {
    samplers.set(label, createZipfSampler(plan.nodesByLabel[label], ALPHA[label]));
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const [, , , weight] of MIX) cumulative.push((total += weight));
  let batch: RelationshipRow[] = [];
  for (let i = 0; i < plan.relationships; i++) {
    const target = random.next() * total;
    let k = 0;
    while ((cumulative[k] ?? Infinity) < target) k++;
    const [type, fromLabel, toLabel] = MIX[k] ?? MIX[0]!;
    const a = samplers.get(fromLabel)!(random);
    let b = samplers.get(toLabel)!(random);
    if (fromLabel === toLabel && a === b) b = (b + 1) % plan.nodesByLabel[toLabel];
    batch.push({ type, from: syntheticKey(fromLabel, a), to: syntheticKey(toLabel, b), props: relationshipProps(type, i, random, documents, plan) });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function relationshipProps(type: RelationshipType, index: number, random: Random, documents: readonly SourceDocument[], plan: GraphPlan): Record<string, Value> {
  const props: Record<string, Value> = { id: `syn-r-${index}`, citations: citations(random, documents, random.chance(0.2) ? 2 : 1) };
  const required = REQUIRED_RELATIONSHIP_PROPERTIES[type] ?? [];
  const year = 1945 + random.int(74);
  for (const [name, spec] of Object.entries(RELATIONSHIPS[type].properties)) {
    if (!required.includes(name) && !random.chance(0.4)) continue;
    if (name === 'beneficiary') props[name] = syntheticKey('Country', random.int(plan.nodesByLabel.Country));
    else if (name === 'relation') props[name] = random.pick(['follows from', 'responds to', 'is linked to', 'precedes']);
    else if (name === 'effect') props[name] = random.pick(['assigned to Japan', 'assigned to the Soviet Union', 'transfer after a peace treaty', 'joint economic activity']);
    else props[name] = propertyValue(name, spec, random, year);
  }
  const from = str(props['start']) ?? str(props['date']);
  const to = str(props['end']);
  if (from !== undefined) props['validFrom'] = firstDay(from);
  if (to !== undefined) props['validTo'] = lastDay(to);
  return props;
}

function propertyValue(name: string, spec: PropertySpec, random: Random, year: number): Value {
  if (spec.values) return random.pick(spec.values);
  switch (spec.type) {
    case 'date':
      return isoDate(random, name === 'end' || name === 'endDate' ? year + 1 + random.int(5) : year);
    case 'number':
      return name === 'share' ? 1 + random.int(99) : Math.round(random.next() * 1000) / 10;
    case 'boolean':
      return random.chance(0.5);
    case 'string[]':
      return [`${word(random)} ${word(random)}`];
    case 'string':
      if (name === 'role') return random.pick(ROLES);
      if (name === 'currency') return random.pick(CURRENCIES);
      if (name === 'sector') return random.pick(SECTORS);
      if (name === 'unit') return random.pick(UNITS);
      if (name === 'measure') return `${random.pick(TOPIC_WORDS)} ${random.pick(['turnover', 'volume', 'share', 'count', 'approval'])}`;
      return `${random.pick(TOPIC_WORDS)} ${word(random).toLowerCase()}`;
  }
}

/** A partial ISO date at year, month or day precision, like the documents give. */
function isoDate(random: Random, year: number): string {
  const precision = random.int(3);
  const month = String(1 + random.int(12)).padStart(2, '0');
  if (precision === 0) return String(year);
  if (precision === 1) return `${year}-${month}`;
  return `${year}-${month}-${String(1 + random.int(28)).padStart(2, '0')}`;
}

/** `n` citations into the real documents, each a plausible line range (1–4 lines) within the document. */
function citations(random: Random, documents: readonly SourceDocument[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const document = random.pick(documents);
    const start = 1 + random.int(document.lines);
    const end = Math.min(document.lines, start + random.int(4));
    out.push(end === start ? `${document.fileName}:${start}` : `${document.fileName}:${start}-${end}`);
  }
  return out;
}

function str(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
