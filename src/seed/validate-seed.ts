import { createHash } from 'node:crypto';
import { formatCitation, parseCitation } from '../model/citation.js';
import { datePrecision } from '../model/dates.js';
import {
  LABELS,
  RELATIONSHIPS,
  REQUIRED_PROPERTIES,
  REQUIRED_RELATIONSHIP_PROPERTIES,
  isEntityLabel,
  isRelationshipType,
  type EntityLabel,
  type PropertySpec,
} from '../model/graph-model.js';
import { checkGraphShape } from './graph-shape.js';
import type { RawSeedFile } from './read-seed-files.js';
import type {
  Alias,
  PropertyValue,
  SeedGraph,
  SeedProblem,
  SeedRelationship,
} from './seed-graph.js';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Dict = Record<string, unknown>;

interface MutableEntity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: Alias[];
  mentions: string[];
  description: string | undefined;
  properties: Record<string, PropertyValue>;
  citations: string[];
  file: string;
}

interface PendingRelationship {
  file: string;
  key: string;
  type: SeedRelationship['type'];
  from: string;
  to: string;
  properties: Record<string, PropertyValue>;
  citations: string[];
}

export interface ValidationResult {
  readonly graph: SeedGraph;
  readonly problems: readonly SeedProblem[];
}

/**
 * Checks every seed file against the model and merges them into one graph.
 * An entity may appear in several files (one per document that mentions it):
 * its label must agree, other spellings of its name become aliases, and
 * properties may not contradict. Returns every problem found, not just the first.
 *
 * @param lineCounts line count per known document; citations are checked against it.
 */
export function validateSeed(
  files: readonly RawSeedFile[],
  lineCounts: ReadonlyMap<string, number>,
): ValidationResult {
  const problems: SeedProblem[] = [];
  const entities = new Map<string, MutableEntity>();
  const pending: PendingRelationship[] = [];

  for (const { file, content, parseError } of files) {
    const report = (id: string, message: string): void => {
      problems.push({ file, id, message });
    };
    if (parseError !== undefined) {
      report('-', `not valid YAML: ${parseError}`);
      continue;
    }
    if (!isDict(content)) {
      report('-', 'the file is not a mapping with "document", "entities" and "relationships"');
      continue;
    }
    const document = content['document'];
    if (typeof document !== 'string' || !lineCounts.has(document)) {
      report('-', `"document" must name one of the source documents (${[...lineCounts.keys()].join(', ')})`);
      continue;
    }
    const readCitations = (id: string, value: unknown): string[] => {
      if (!Array.isArray(value) || value.length === 0) {
        report(id, 'a fact without a citation: "cite" must list at least one line range');
        return [];
      }
      const citations: string[] = [];
      for (const raw of value) {
        const parsed = parseCitation(String(raw), document);
        if (typeof parsed === 'string') {
          report(id, parsed);
          continue;
        }
        const lines = lineCounts.get(parsed.document);
        if (lines === undefined) report(id, `citation "${String(raw)}" names an unknown document`);
        else if (parsed.endLine > lines) report(id, `citation "${String(raw)}" runs past the end of ${parsed.document} (${lines} lines)`);
        else citations.push(formatCitation(parsed));
      }
      return citations;
    };

    const seenInFile = new Set<string>();
    for (const raw of asArray(content['entities'])) {
      const entity = readEntity(raw, report, readCitations);
      if (!entity) continue;
      if (seenInFile.has(entity.id)) {
        report(entity.id, 'duplicate id in this file');
        continue;
      }
      seenInFile.add(entity.id);
      const existing = entities.get(entity.id);
      if (existing) mergeEntity(existing, { ...entity, file }, report);
      else entities.set(entity.id, { ...entity, file });
    }

    for (const [index, raw] of asArray(content['relationships']).entries()) {
      const relationship = readRelationship(raw, index, report, readCitations);
      if (relationship) pending.push({ ...relationship, file });
    }
  }

  const relationships = new Map<string, SeedRelationship & { citations: string[] }>();
  for (const rel of pending) {
    const label = `${rel.from} -${rel.type}-> ${rel.to}`;
    const report = (message: string): void => {
      problems.push({ file: rel.file, id: label, message });
    };
    const from = entities.get(rel.from);
    const to = entities.get(rel.to);
    if (!from) report(`dangling reference: no entity "${rel.from}"`);
    if (!to) report(`dangling reference: no entity "${rel.to}"`);
    if (!from || !to) continue;
    const spec = RELATIONSHIPS[rel.type];
    if (spec.from !== 'Entity' && !spec.from.includes(from.label)) {
      report(`${rel.type} cannot start at a ${from.label} (allowed: ${spec.from.join(', ')})`);
    }
    if (spec.to !== 'Entity' && !spec.to.includes(to.label)) {
      report(`${rel.type} cannot end at a ${to.label} (allowed: ${spec.to.join(', ')})`);
    }
    const beneficiary = rel.properties['beneficiary'];
    if (typeof beneficiary === 'string' && !entities.has(beneficiary)) {
      report(`beneficiary "${beneficiary}" is not an entity id`);
    }
    const existing = relationships.get(rel.key);
    if (existing) addUnique(existing.citations, rel.citations);
    else {
      relationships.set(rel.key, {
        id: createHash('sha1').update(rel.key).digest('hex').slice(0, 16),
        type: rel.type,
        from: rel.from,
        to: rel.to,
        properties: rel.properties,
        citations: [...rel.citations],
      });
    }
  }

  for (const entity of entities.values()) {
    for (const alias of entity.aliases) {
      if (alias.usedBy !== undefined && !entities.has(alias.usedBy)) {
        problems.push({ file: entity.file, id: entity.id, message: `alias "${alias.name}" is usedBy unknown entity "${alias.usedBy}"` });
      }
    }
  }

  const graph: SeedGraph = {
    entities: [...entities.values()].map(({ file: _file, ...entity }) => entity),
    relationships: [...relationships.values()],
  };
  // Graph-wide checks (isolated entities, unexplained duplicates) live in their own module.
  problems.push(...checkGraphShape(graph, files));
  return { graph, problems };
}

type Report = (id: string, message: string) => void;
type ReadCitations = (id: string, value: unknown) => string[];

function readEntity(raw: unknown, report: Report, readCitations: ReadCitations): Omit<MutableEntity, 'file'> | undefined {
  if (!isDict(raw)) {
    report('-', 'an entity must be a mapping');
    return undefined;
  }
  const id = raw['id'];
  if (typeof id !== 'string' || !KEBAB_ID.test(id)) {
    report(String(id), 'id must be kebab-case (a-z, 0-9, single hyphens)');
    return undefined;
  }
  const label = raw['type'];
  if (typeof label !== 'string' || !isEntityLabel(label)) {
    report(id, `unknown label "${String(label)}"`);
    return undefined;
  }
  const name = raw['name'];
  if (typeof name !== 'string' || name.trim() === '') {
    report(id, 'name must be a non-empty string');
    return undefined;
  }
  const description = raw['description'];
  if (description !== undefined && typeof description !== 'string') report(id, 'description must be a string');
  const properties = readProperties(raw['properties'], LABELS[label].properties, REQUIRED_PROPERTIES[label] ?? [], (m) => {
    report(id, m);
  });
  const citations = readCitations(id, raw['cite']);
  return {
    id,
    label,
    name: name.trim(),
    aliases: readAliases(raw['aliases'], (m) => {
      report(id, m);
    }),
    mentions: asArray(raw['mentions']).map(String),
    description: typeof description === 'string' ? description.trim() : undefined,
    properties,
    citations,
  };
}

function readRelationship(
  raw: unknown,
  index: number,
  report: Report,
  readCitations: ReadCitations,
): Omit<PendingRelationship, 'file'> | undefined {
  if (!isDict(raw)) {
    report(`relationships[${index}]`, 'a relationship must be a mapping');
    return undefined;
  }
  const type = raw['type'];
  const from = raw['from'];
  const to = raw['to'];
  const label = `${String(from)} -${String(type)}-> ${String(to)}`;
  if (typeof type !== 'string' || !isRelationshipType(type)) {
    report(label, `unknown relationship type "${String(type)}"`);
    return undefined;
  }
  if (typeof from !== 'string' || typeof to !== 'string') {
    report(label, '"from" and "to" must be entity ids');
    return undefined;
  }
  if (from === to) report(label, 'a relationship cannot connect an entity to itself');
  const properties = readProperties(raw['properties'], RELATIONSHIPS[type].properties, REQUIRED_RELATIONSHIP_PROPERTIES[type] ?? [], (m) => {
    report(label, m);
  });
  const citations = readCitations(label, raw['cite']);
  const key = `${from}|${type}|${to}|${canonicalJson(properties)}`;
  return { key, type, from, to, properties, citations };
}

function readAliases(value: unknown, report: (message: string) => void): Alias[] {
  const aliases: Alias[] = [];
  for (const raw of asArray(value)) {
    if (typeof raw === 'string' && raw.trim() !== '') aliases.push({ name: raw.trim() });
    else if (isDict(raw) && typeof raw['name'] === 'string') {
      const usedBy = raw['usedBy'];
      if (usedBy !== undefined && typeof usedBy !== 'string') report(`alias "${raw['name']}": usedBy must be an entity id`);
      aliases.push(typeof usedBy === 'string' ? { name: raw['name'].trim(), usedBy } : { name: raw['name'].trim() });
    } else report(`malformed alias ${JSON.stringify(raw)} (a string or {name, usedBy})`);
  }
  return aliases;
}

/**
 * Checks properties against the model's specs (known names, types, closed
 * vocabularies, dates at a stated precision, required ones); the seed validator
 * and curation both use it. Reports each problem and returns the valid properties.
 */
export function readProperties(
  value: unknown,
  specs: Readonly<Record<string, PropertySpec>>,
  required: readonly string[],
  report: (message: string) => void,
): Record<string, PropertyValue> {
  const properties: Record<string, PropertyValue> = {};
  if (value !== undefined && !isDict(value)) {
    report('"properties" must be a mapping');
    return properties;
  }
  for (const [key, raw] of Object.entries(value ?? {})) {
    const spec = specs[key];
    if (!spec) {
      report(`unknown property "${key}" (allowed: ${Object.keys(specs).join(', ') || 'none'})`);
      continue;
    }
    const checked = checkProperty(key, raw, spec);
    if (typeof checked === 'object' && 'error' in checked) report(checked.error);
    else properties[key] = checked;
  }
  for (const key of required) if (!(key in properties)) report(`missing required property "${key}"`);
  return properties;
}

function checkProperty(key: string, raw: unknown, spec: PropertySpec): PropertyValue | { error: string } {
  switch (spec.type) {
    case 'string':
      if (typeof raw !== 'string' || raw.trim() === '') return { error: `property "${key}" must be a non-empty string` };
      if (spec.values && !spec.values.includes(raw)) return { error: `property "${key}" is "${raw}", not one of ${spec.values.join(', ')}` };
      return raw.trim();
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : { error: `property "${key}" must be a number` };
    case 'boolean':
      return typeof raw === 'boolean' ? raw : { error: `property "${key}" must be true or false` };
    case 'string[]':
      return Array.isArray(raw) && raw.every((item) => typeof item === 'string')
        ? raw
        : { error: `property "${key}" must be a list of strings` };
    case 'date': {
      // YAML reads an unquoted year as a number; accept it as the year it is.
      const text = typeof raw === 'number' ? String(raw) : raw;
      return typeof text === 'string' && datePrecision(text)
        ? text
        : { error: `malformed date in "${key}": ${JSON.stringify(raw)} (expected YYYY, YYYY-MM or YYYY-MM-DD)` };
    }
  }
}

function mergeEntity(target: MutableEntity, other: MutableEntity, report: Report): void {
  if (target.label !== other.label) {
    report(other.id, `label ${other.label} contradicts ${target.label} given in ${target.file}`);
    return;
  }
  const aliasNames = new Set([target.name, ...target.aliases.map((a) => a.name)].map((n) => n.toLowerCase()));
  for (const alias of [{ name: other.name }, ...other.aliases]) {
    if (!aliasNames.has(alias.name.toLowerCase())) {
      target.aliases.push(alias);
      aliasNames.add(alias.name.toLowerCase());
    }
  }
  addUnique(target.mentions, other.mentions);
  target.description ??= other.description;
  for (const [key, value] of Object.entries(other.properties)) {
    const current = target.properties[key];
    if (current === undefined) target.properties[key] = value;
    else if (canonicalJson(current) !== canonicalJson(value)) {
      report(other.id, `property "${key}" is ${JSON.stringify(value)} here but ${JSON.stringify(current)} in ${target.file}; model disagreeing claims as separate Observation or Statement nodes`);
    }
  }
  addUnique(target.citations, other.citations);
}

function addUnique(target: string[], items: readonly string[]): void {
  for (const item of items) if (!target.includes(item)) target.push(item);
}

function canonicalJson(value: unknown): string {
  if (isDict(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
