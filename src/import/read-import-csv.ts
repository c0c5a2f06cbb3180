import { parseCitation, parsePageCitation } from '../model/citation.js';
import {
  LABELS,
  RELATIONSHIPS,
  REQUIRED_PROPERTIES,
  REQUIRED_RELATIONSHIP_PROPERTIES,
  isEntityLabel,
  isRelationshipType,
  ENTITY_LABEL,
  type EntityLabel,
  type PropertySpec,
} from '../model/graph-model.js';
import { ENTITY_PROPERTIES, RELATIONSHIP_PROPERTIES } from '../model/property-catalogue.js';
import type { PropertyValue } from '../seed/seed-graph.js';
import { toNodeRow, toRelationshipRow } from '../seed/to-database-rows.js';
import { readProperties } from '../seed/validate-seed.js';
import { ARRAY_DELIMITER, type BulkNode, type BulkRelationship } from './bulk-csv.js';
import type { CsvRecord } from './csv-records.js';

/** Where a row came from, for the endpoint checks made once every file is read. */
export interface RowOrigin {
  readonly file: string;
  readonly line: number;
}

/** Columns every node file may have besides the model's properties; `dateFrom`/`dateTo` are derived and recomputed. */
const NODE_COLUMNS = new Set(['name', 'description', 'aliases', 'aliasUsedBy', 'citations', 'dateFrom', 'dateTo']);
const RELATIONSHIP_COLUMNS = new Set(['id', 'citations', 'validFrom', 'validTo']);
const DERIVED = new Set(['dateFrom', 'dateTo', 'validFrom', 'validTo']);
const LIST_COLUMNS = new Set(['aliases', 'aliasUsedBy', 'citations']);

/** The importer's header types, by the model's property type they can hold. */
const HEADER_TYPES: Readonly<Record<PropertySpec['type'], readonly string[]>> = {
  string: ['string'],
  date: ['string'],
  number: ['double', 'float', 'int', 'long'],
  boolean: ['boolean'],
  'string[]': ['string[]'],
};

type Role = 'id' | 'label' | 'start' | 'end' | 'type' | 'property';
interface Column {
  readonly index: number;
  readonly header: string;
  readonly name: string;
  readonly role: Role;
  /** For properties: the model's type of the column (lists, numbers and booleans are converted from text). */
  readonly type: PropertySpec['type'];
}

/** Collects problems as `file:line: column N (name): message`, one line each. */
export class ImportProblems {
  readonly lines: string[] = [];
  add(file: string, line: number, column: Column | null, message: string): void {
    this.lines.push(`${file}:${line}: ${column ? `column ${column.index + 1} (${column.header}): ` : ''}${message}`);
  }
}

function parseHeader(kind: 'nodes' | 'relationships', file: string, header: CsvRecord, problems: ImportProblems): Column[] {
  const columns: Column[] = [];
  header.fields.forEach((raw, index) => {
    const text = (raw ?? '').trim();
    const at = { index, header: text, name: text, role: 'property' as Role, type: 'string' as PropertySpec['type'] };
    const special = /^(\w*):(ID|LABEL|START_ID|END_ID|TYPE)(\(Entity\))?$/.exec(text);
    if (special) {
      const roles: Readonly<Record<string, Role>> = { ID: 'id', LABEL: 'label', START_ID: 'start', END_ID: 'end', TYPE: 'type' };
      const role = roles[special[2] ?? ''] ?? 'property';
      const allowed = kind === 'nodes' ? role === 'id' || role === 'label' : role !== 'id' && role !== 'label';
      if (!allowed) problems.add(file, header.line, at, `a ${kind} file has no ${special[2]} column (is it a ${kind === 'nodes' ? 'relationships' : 'nodes'} file?)`);
      else columns.push({ ...at, name: role === 'id' ? 'id' : text, role });
      return;
    }
    const [name = '', type] = text.split(':');
    const spec = kind === 'nodes' ? ENTITY_PROPERTIES.get(name) : RELATIONSHIP_PROPERTIES.get(name);
    const builtIn = kind === 'nodes' ? NODE_COLUMNS.has(name) : RELATIONSHIP_COLUMNS.has(name);
    if (!spec && !builtIn) {
      const known = [...(kind === 'nodes' ? NODE_COLUMNS : RELATIONSHIP_COLUMNS), ...(kind === 'nodes' ? ENTITY_PROPERTIES : RELATIONSHIP_PROPERTIES).keys()];
      problems.add(file, header.line, at, `"${name}" is not a ${kind === 'nodes' ? 'node' : 'relationship'} property of the model (allowed: ${known.join(', ')})`);
      return;
    }
    const modelType: PropertySpec['type'] = spec?.type ?? (LIST_COLUMNS.has(name) ? 'string[]' : 'string');
    if (type !== undefined && !HEADER_TYPES[modelType].includes(type)) {
      problems.add(file, header.line, at, `"${name}" holds ${modelType === 'string[]' ? 'a list of strings' : `a ${modelType}`}, so its type must be ${HEADER_TYPES[modelType].join(' or ')}, not ${type}`);
      return;
    }
    columns.push({ ...at, name, type: modelType });
  });
  const required: [string, string][] = kind === 'nodes'
    ? [['id', 'id:ID(Entity)'], ['label', ':LABEL'], ['name', 'name'], ['citations', 'citations:string[]']]
    : [['start', ':START_ID(Entity)'], ['end', ':END_ID(Entity)'], ['type', ':TYPE'], ['id', 'id'], ['citations', 'citations:string[]']];
  for (const [key, example] of required) {
    if (!columns.some((c) => (c.role === 'property' ? c.name === key : c.role === key))) {
      const why = key === 'citations' ? ': every node and relationship must cite where it comes from' : '';
      problems.add(file, header.line, null, `no "${example}" column${why}`);
    }
  }
  return columns;
}

/** The raw value of a property cell, converted from text by the model's type (checked afterwards by `readProperties`). */
function cellValue(text: string, type: PropertySpec['type']): unknown {
  switch (type) {
    case 'string[]':
      return text === '' ? [] : text.split(ARRAY_DELIMITER);
    case 'number':
      return text.trim() === '' ? Number.NaN : Number(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'string':
    case 'date':
      return text;
  }
}

/** Checks each citation of a cell: line form `file.txt:12-14` or page form `file.txt#page=3`. */
function readCitations(cell: string | null, report: (message: string) => void): string[] {
  const items = (cell ?? '').split(ARRAY_DELIMITER).map((c) => c.trim()).filter((c) => c !== '');
  if (items.length === 0) {
    report('no citation: every row must cite where it comes from, e.g. "report.txt:12-14" (several separated by "|")');
    return [];
  }
  for (const item of items) {
    if (parsePageCitation(item)) continue;
    const parsed = parseCitation(item);
    if (typeof parsed === 'string') report(`${parsed} (or "file.txt#page=3")`);
  }
  return items;
}

type Reporter = (column: Column | null) => (message: string) => void;

/**
 * The part every file shares: the header (or a problem when there is none),
 * then each row with a reporter naming its line, after checking its width.
 * `row` returns nothing when the row had problems.
 */
function eachRow<T>(
  kind: 'nodes' | 'relationships',
  file: string,
  records: readonly CsvRecord[],
  problems: ImportProblems,
  read: (columns: readonly Column[]) => (fields: readonly (string | null)[], report: Reporter) => T | undefined,
): { items: T[]; origins: RowOrigin[] } {
  const items: T[] = [];
  const origins: RowOrigin[] = [];
  const [header, ...rows] = records;
  if (!header) {
    problems.add(file, 1, null, `the file is empty (expected a header line such as "${EXAMPLE_HEADERS[kind]}")`);
    return { items, origins };
  }
  const readRow = read(parseHeader(kind, file, header, problems));
  for (const row of rows) {
    const before = problems.lines.length;
    const report: Reporter = (column) => (message) => {
      problems.add(file, row.line, column, message);
    };
    if (row.fields.length !== header.fields.length) report(null)(`${row.fields.length} fields where the header has ${header.fields.length}`);
    const item = readRow(row.fields, report);
    if (item === undefined || problems.lines.length > before) continue;
    items.push(item);
    origins.push({ file, line: row.line });
  }
  return { items, origins };
}

const EXAMPLE_HEADERS = {
  nodes: 'id:ID(Entity),name,citations:string[],:LABEL',
  relationships: ':START_ID(Entity),:END_ID(Entity),id,citations:string[],:TYPE',
} as const;

export interface ReadNodes {
  readonly nodes: BulkNode[];
  readonly origins: RowOrigin[];
}

/** Reads one nodes file (records from `parseCsv`), checked against the model; problems go to `problems`. */
export function readNodeRecords(file: string, records: readonly CsvRecord[], problems: ImportProblems): ReadNodes {
  const { items, origins } = eachRow('nodes', file, records, problems, (columns) => {
    const idColumn = columns.find((c) => c.role === 'id');
    const labelColumn = columns.find((c) => c.role === 'label');
    const properties = columns.filter((c) => c.role === 'property');
    return (fields, report): BulkNode | undefined => {
      const id = idColumn ? (fields[idColumn.index] ?? '').trim() : '';
      if (idColumn && id === '') report(idColumn)('no id');
      const label = labelColumn ? kindOf(fields[labelColumn.index] ?? '', report(labelColumn)) : undefined;
      const values: Record<string, PropertyValue> = {};
      let citations: string[] = [];
      for (const column of properties) {
        const cell = fields[column.index] ?? null;
        if (column.name === 'citations') citations = readCitations(cell, report(column));
        else if (cell === null || DERIVED.has(column.name)) continue;
        else if (NODE_COLUMNS.has(column.name)) values[column.name] = cellValue(cell, column.type) as PropertyValue;
        else if (label) Object.assign(values, readProperties({ [column.name]: cellValue(cell, column.type) }, LABELS[label].properties, [], report(column)));
      }
      if (label) for (const key of REQUIRED_PROPERTIES[label] ?? []) if (!(key in values)) report(null)(`a ${label} needs "${key}"`);
      const name = typeof values['name'] === 'string' ? values['name'].trim() : '';
      if (name === '') report(columns.find((c) => c.name === 'name') ?? null)('no name');
      if (!label) return undefined;
      const { name: _name, description, aliases, aliasUsedBy, ...rest } = values;
      const aliasNames = (aliases ?? []) as readonly string[];
      const usedBy = (aliasUsedBy ?? []) as readonly string[];
      const stored = toNodeRow({
        id,
        label,
        name,
        aliases: aliasNames.map((a, i) => (usedBy[i] ? { name: a, usedBy: usedBy[i] } : { name: a })),
        mentions: [],
        description: typeof description === 'string' && description.trim() !== '' ? description.trim() : undefined,
        properties: rest,
        citations,
      });
      return { label, props: stored.props };
    };
  });
  return { nodes: items, origins };
}

export interface ReadRelationships {
  readonly relationships: BulkRelationship[];
  readonly origins: RowOrigin[];
}

/** Reads one relationships file, checked against the model except for its ends (see `checkGraph`). */
export function readRelationshipRecords(file: string, records: readonly CsvRecord[], problems: ImportProblems): ReadRelationships {
  const { items, origins } = eachRow('relationships', file, records, problems, (columns) => {
    const [start, end, typeColumn] = (['start', 'end', 'type'] as const).map((role) => columns.find((c) => c.role === role));
    const properties = columns.filter((c) => c.role === 'property');
    return (fields, report): BulkRelationship | undefined => {
      const from = start ? (fields[start.index] ?? '').trim() : '';
      const to = end ? (fields[end.index] ?? '').trim() : '';
      if (start && from === '') report(start)('no start id');
      if (end && to === '') report(end)('no end id');
      if (from !== '' && from === to) report(end ?? null)('a relationship cannot connect an entity to itself');
      const rawType = typeColumn ? (fields[typeColumn.index] ?? '').trim() : '';
      const type = isRelationshipType(rawType) ? rawType : undefined;
      if (typeColumn && !type) report(typeColumn)(`"${rawType}" is not a relationship type of the model (see schema/MODEL.md)`);
      let id = '';
      let citations: string[] = [];
      const values: Record<string, PropertyValue> = {};
      for (const column of properties) {
        const cell = fields[column.index] ?? null;
        if (column.name === 'citations') citations = readCitations(cell, report(column));
        else if (column.name === 'id') {
          id = (cell ?? '').trim();
          if (id === '') report(column)('no id');
        } else if (cell !== null && !DERIVED.has(column.name) && type) {
          Object.assign(values, readProperties({ [column.name]: cellValue(cell, column.type) }, RELATIONSHIPS[type].properties, [], report(column)));
        }
      }
      if (type) for (const key of REQUIRED_RELATIONSHIP_PROPERTIES[type] ?? []) if (!(key in values)) report(null)(`a ${type} needs "${key}"`);
      if (!type) return undefined;
      const stored = toRelationshipRow({ id, type, from, to, properties: values, citations });
      return { type, from, to, props: stored.props };
    };
  });
  return { relationships: items, origins };
}

/** The kind in a `:LABEL` cell: one kind label, with or without `Entity` beside it. */
function kindOf(cell: string, report: (message: string) => void): EntityLabel | undefined {
  const labels = cell.split(ARRAY_DELIMITER).map((l) => l.trim()).filter((l) => l !== '' && l !== ENTITY_LABEL);
  const [label] = labels;
  if (labels.length !== 1 || label === undefined || !isEntityLabel(label)) {
    report(`"${cell}" is not one entity kind of the model (one of ${Object.keys(LABELS).join(', ')})`);
    return undefined;
  }
  return label;
}

/**
 * The rules the seed loader applies to each relationship's ends: both exist
 * (in the files or, for `kindOf`, already in the database) and are of the kinds
 * the model allows for the type. Also refuses duplicate ids across files.
 */
export function checkGraph(
  nodes: ReadNodes,
  relationships: ReadRelationships,
  existingKind: ReadonlyMap<string, EntityLabel>,
  problems: ImportProblems,
): void {
  const kinds = new Map<string, EntityLabel>();
  const firstSeen = new Map<string, RowOrigin>();
  nodes.nodes.forEach((node, i) => {
    const id = String(node.props['id']);
    const at = nodes.origins[i]!;
    const seen = firstSeen.get(id);
    if (seen) problems.add(at.file, at.line, null, `id "${id}" is already used by ${seen.file}:${seen.line}`);
    firstSeen.set(id, at);
    const existing = existingKind.get(id);
    if (existing && existing !== node.label) problems.add(at.file, at.line, null, `"${id}" is a ${existing} in the database, not a ${node.label}`);
    kinds.set(id, node.label);
  });
  const relIds = new Map<string, RowOrigin>();
  relationships.relationships.forEach((rel, i) => {
    const at = relationships.origins[i]!;
    const id = String(rel.props['id']);
    const seen = relIds.get(id);
    if (seen) problems.add(at.file, at.line, null, `relationship id "${id}" is already used by ${seen.file}:${seen.line}`);
    relIds.set(id, at);
    const spec = RELATIONSHIPS[rel.type];
    for (const [end, id_, allowed] of [['start', rel.from, spec.from], ['end', rel.to, spec.to]] as const) {
      const kind = kinds.get(id_) ?? existingKind.get(id_);
      if (!kind) problems.add(at.file, at.line, null, `no entity "${id_}" (the ${end}) in the nodes files or the database`);
      else if (allowed !== 'Entity' && !allowed.includes(kind)) {
        problems.add(at.file, at.line, null, `${rel.type} cannot ${end} at a ${kind} ("${id_}"; allowed: ${allowed.join(', ')})`);
      }
    }
  });
}
