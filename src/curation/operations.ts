import { datePrecision } from '../model/dates.js';
import {
  LABELS,
  RELATIONSHIPS,
  REQUIRED_PROPERTIES,
  REQUIRED_RELATIONSHIP_PROPERTIES,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';
import type { Alias, PropertyValue } from '../seed/seed-graph.js';
import { readProperties } from '../seed/validate-seed.js';
import type { EntityState, RelationshipState } from './element-state.js';

/** Where a fact is stated: a line range of a source with text, or a page and/or quote of one without. */
export interface CitationInput {
  /** The source's entity id (`source-001`) or file name. */
  readonly source: string;
  readonly lines?: string | null;
  readonly page?: number | null;
  readonly quote?: string | null;
}

/** One property value; exactly one of `text`, `number`, `texts` is set. */
export interface PropertyInput {
  readonly name: string;
  readonly text?: string | null;
  readonly number?: number | null;
  readonly texts?: readonly string[] | null;
}

export interface AliasInput {
  readonly name: string;
  readonly usedBy?: string | null;
}

export interface AddSourceInput {
  readonly id: string;
  readonly title: string;
  readonly authors?: readonly string[] | null;
  readonly publisher?: string | null;
  readonly date?: string | null;
  readonly kind?: string | null;
  readonly lines?: readonly string[] | null;
}

export interface AddEntityInput {
  readonly id: string;
  readonly kind: EntityLabel;
  readonly name: string;
  readonly description?: string | null;
  readonly aliases?: readonly AliasInput[] | null;
  readonly properties?: readonly PropertyInput[] | null;
  readonly citations?: readonly CitationInput[] | null;
}

export interface UpdateEntityInput {
  readonly id: string;
  readonly expectedVersion?: number | null;
  readonly name?: string | null;
  readonly description?: string | null;
  readonly addAliases?: readonly AliasInput[] | null;
  readonly removeAliases?: readonly string[] | null;
  readonly setProperties?: readonly PropertyInput[] | null;
  readonly unsetProperties?: readonly string[] | null;
  readonly citations?: readonly CitationInput[] | null;
}

export interface AddRelationshipInput {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly properties?: readonly PropertyInput[] | null;
  readonly citations?: readonly CitationInput[] | null;
}

export interface UpdateRelationshipInput {
  readonly id: string;
  readonly expectedVersion?: number | null;
  readonly setProperties?: readonly PropertyInput[] | null;
  readonly unsetProperties?: readonly string[] | null;
  readonly citations?: readonly CitationInput[] | null;
}

/** Retract or restore one fact. */
export interface TargetInput {
  readonly id: string;
  readonly expectedVersion?: number | null;
}

/** One step of a batch, tagged by what it does. */
export type Operation =
  | { readonly op: 'addSource'; readonly input: AddSourceInput }
  | { readonly op: 'addEntity'; readonly input: AddEntityInput }
  | { readonly op: 'updateEntity'; readonly input: UpdateEntityInput }
  | { readonly op: 'retractEntity'; readonly input: TargetInput }
  | { readonly op: 'restoreEntity'; readonly input: TargetInput }
  | { readonly op: 'addRelationship'; readonly input: AddRelationshipInput }
  | { readonly op: 'updateRelationship'; readonly input: UpdateRelationshipInput }
  | { readonly op: 'retractRelationship'; readonly input: TargetInput }
  | { readonly op: 'restoreRelationship'; readonly input: TargetInput }
  | { readonly op: 'revertRevision'; readonly input: { readonly revisionId: string } };

export const OPERATION_NAMES = [
  'addSource',
  'addEntity',
  'updateEntity',
  'retractEntity',
  'restoreEntity',
  'addRelationship',
  'updateRelationship',
  'retractRelationship',
  'restoreRelationship',
  'revertRevision',
] as const satisfies readonly Operation['op'][];

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LINES = /^(\d+)(?:-(\d+))?$/;
const MAX_TEXT = 2000;

/** Problems with one operation, before anything touches the database (each message names the field). */
export function checkOperation(operation: Operation, path: string): string[] {
  const problems: string[] = [];
  const report = (field: string, message: string): void => {
    problems.push(`${path}.${field}: ${message}`);
  };
  const id = (field: string, value: string): void => {
    if (!KEBAB_ID.test(value) || value.length > 100) report(field, `"${clip(value)}" is not an id (kebab-case: a-z, 0-9, single hyphens; at most 100 characters)`);
  };
  const textField = (field: string, value: string | null | undefined, required = false): void => {
    if (value === null || value === undefined) {
      if (required) report(field, 'is required');
    } else if (value.trim() === '') report(field, 'must not be empty');
    else if (value.length > MAX_TEXT) report(field, `is ${value.length} characters; the limit is ${MAX_TEXT}`);
  };
  const cited = (citations: readonly CitationInput[] | null | undefined): void => {
    if (!citations || citations.length === 0) {
      report('citations', 'a fact without a citation: give at least one (source + lines, or source + page/quote)');
      return;
    }
    citations.forEach((c, i) => {
      for (const message of checkCitation(c)) report(`citations[${i}]`, message);
    });
  };
  switch (operation.op) {
    case 'addSource': {
      const s = operation.input;
      id('id', s.id);
      textField('title', s.title, true);
      textField('publisher', s.publisher);
      textField('kind', s.kind);
      if (s.kind) {
        readProperties({ kind: s.kind }, LABELS.Source.properties, [], (m) => {
          report('kind', m);
        });
      }
      for (const author of s.authors ?? []) textField('authors', author, true);
      if (s.date !== null && s.date !== undefined && !datePrecision(s.date)) report('date', `"${clip(s.date)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      if (s.lines && s.lines.length > 100_000) report('lines', 'holds more than 100000 lines');
      break;
    }
    case 'addEntity': {
      const e = operation.input;
      id('id', e.id);
      textField('name', e.name, true);
      textField('description', e.description);
      checkAliases(e.aliases ?? [], (m) => {
        report('aliases', m);
      });
      checkProperties(e.properties ?? [], LABELS[e.kind].properties, REQUIRED_PROPERTIES[e.kind] ?? [], (m) => {
        report('properties', m);
      });
      cited(e.citations);
      break;
    }
    case 'updateEntity': {
      const e = operation.input;
      id('id', e.id);
      textField('name', e.name);
      textField('description', e.description);
      checkAliases(e.addAliases ?? [], (m) => {
        report('addAliases', m);
      });
      const changes = [e.name, e.description, e.addAliases?.length, e.removeAliases?.length, e.setProperties?.length, e.unsetProperties?.length];
      if (changes.every((c) => c === null || c === undefined || c === 0)) report('id', 'the update changes nothing: set a name, description, alias or property');
      cited(e.citations);
      break;
    }
    case 'addRelationship': {
      const r = operation.input;
      id('from', r.from);
      id('to', r.to);
      if (r.from === r.to) report('to', 'a relationship cannot connect an entity to itself');
      checkProperties(r.properties ?? [], RELATIONSHIPS[r.type].properties, REQUIRED_RELATIONSHIP_PROPERTIES[r.type] ?? [], (m) => {
        report('properties', m);
      });
      cited(r.citations);
      break;
    }
    case 'updateRelationship': {
      const r = operation.input;
      if (!/^[a-f0-9]{16}$/.test(r.id)) report('id', `"${clip(r.id)}" is not a relationship id (16 hex digits)`);
      if (!r.setProperties?.length && !r.unsetProperties?.length && !r.citations?.length) report('id', 'the update changes nothing');
      cited(r.citations);
      break;
    }
    case 'retractEntity':
    case 'restoreEntity':
      id('id', operation.input.id);
      break;
    case 'retractRelationship':
    case 'restoreRelationship':
      if (!/^[a-f0-9]{16}$/.test(operation.input.id)) report('id', `"${clip(operation.input.id)}" is not a relationship id (16 hex digits)`);
      break;
    case 'revertRevision':
      if (!/^[a-f0-9-]{36}$/.test(operation.input.revisionId)) report('revisionId', `"${clip(operation.input.revisionId)}" is not a revision id`);
      break;
  }
  return problems;
}

function checkCitation(c: CitationInput): string[] {
  const problems: string[] = [];
  if (c.source.trim() === '' || c.source.length > 200) problems.push('"source" must name a source (its id or file name)');
  const hasLines = c.lines !== null && c.lines !== undefined;
  const hasPage = c.page !== null && c.page !== undefined;
  const hasQuote = c.quote !== null && c.quote !== undefined;
  if (!hasLines && !hasPage && !hasQuote) problems.push('says where in the source: give "lines" (e.g. "12-14"), or a "page" and/or a "quote"');
  if (hasLines) {
    const match = LINES.exec(c.lines ?? '');
    if (!match || Number(match[1]) < 1 || (match[2] !== undefined && Number(match[2]) < Number(match[1]))) {
      problems.push(`"lines" is "${clip(c.lines ?? '')}"; expected a line or range such as "12" or "12-14"`);
    }
  }
  if (hasPage && (!Number.isInteger(c.page) || (c.page ?? 0) < 1)) problems.push('"page" must be a whole number from 1');
  if (hasQuote && ((c.quote ?? '').trim() === '' || (c.quote ?? '').length > 500)) problems.push('"quote" must be 1 to 500 characters');
  return problems;
}

function checkAliases(aliases: readonly AliasInput[], report: (message: string) => void): void {
  for (const alias of aliases) {
    if (alias.name.trim() === '' || alias.name.length > 200) report('an alias name must be 1 to 200 characters');
    if (alias.usedBy && !KEBAB_ID.test(alias.usedBy)) report(`alias "${clip(alias.name)}": usedBy must be an entity id`);
  }
}

function checkProperties(
  inputs: readonly PropertyInput[],
  specs: Parameters<typeof readProperties>[1],
  required: readonly string[],
  report: (message: string) => void,
): void {
  readProperties(propertyValues(inputs, report), specs, required, report);
}

/** Turns property inputs into the raw values the model's checks read; reports inputs that set no value or several. */
export function propertyValues(inputs: readonly PropertyInput[], report: (message: string) => void): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const input of inputs) {
    const given = [input.text, input.number, input.texts].filter((v) => v !== null && v !== undefined);
    if (given.length !== 1) {
      report(`property "${clip(input.name)}" must set exactly one of text, number, texts`);
      continue;
    }
    values[input.name] = given[0];
  }
  return values;
}

/** The new state of an entity after an update; problems (unknown aliases, property rules) are reported. */
export function updatedEntity(current: EntityState, input: UpdateEntityInput, citations: readonly string[], report: (message: string) => void): EntityState {
  const aliases: Alias[] = current.aliases.filter((a) => !(input.removeAliases ?? []).includes(a.name));
  for (const name of input.removeAliases ?? []) {
    if (!current.aliases.some((a) => a.name === name)) report(`removeAliases: "${clip(name)}" is not an alias of ${current.id}`);
  }
  for (const alias of input.addAliases ?? []) {
    const name = alias.name.trim();
    if (!aliases.some((a) => a.name.toLowerCase() === name.toLowerCase())) aliases.push(alias.usedBy ? { name, usedBy: alias.usedBy } : { name });
  }
  const properties = mergedProperties(current.properties, input, LABELS[current.kind].properties, REQUIRED_PROPERTIES[current.kind] ?? [], report);
  return {
    ...current,
    name: input.name?.trim() ?? current.name,
    description: input.description?.trim() ?? current.description,
    aliases,
    properties,
    citations: unique([...current.citations, ...citations]),
    version: current.version + 1,
  };
}

/** The new state of a relationship after an update. */
export function updatedRelationship(
  current: RelationshipState,
  input: UpdateRelationshipInput,
  citations: readonly string[],
  report: (message: string) => void,
): RelationshipState {
  const properties = mergedProperties(current.properties, input, RELATIONSHIPS[current.type].properties, REQUIRED_RELATIONSHIP_PROPERTIES[current.type] ?? [], report);
  return { ...current, properties, citations: unique([...current.citations, ...citations]), version: current.version + 1 };
}

function mergedProperties(
  current: Readonly<Record<string, PropertyValue>>,
  input: { setProperties?: readonly PropertyInput[] | null; unsetProperties?: readonly string[] | null },
  specs: Parameters<typeof readProperties>[1],
  required: readonly string[],
  report: (message: string) => void,
): Record<string, PropertyValue> {
  const merged: Record<string, unknown> = { ...current, ...propertyValues(input.setProperties ?? [], report) };
  const unset = new Set(input.unsetProperties ?? []);
  for (const name of unset) if (!(name in merged)) report(`unsetProperties: "${clip(name)}" is not set`);
  const raw = Object.fromEntries(Object.entries(merged).filter(([name]) => !unset.has(name)));
  return readProperties(raw, specs, required, report);
}

/** The citations of a new fact plus its stored values, checked by the model's rules. */
export function newEntityProperties(input: AddEntityInput): Record<string, PropertyValue> {
  return readProperties(propertyValues(input.properties ?? [], () => {}), LABELS[input.kind].properties, [], () => {});
}

export function newRelationshipProperties(input: AddRelationshipInput): Record<string, PropertyValue> {
  return readProperties(propertyValues(input.properties ?? [], () => {}), RELATIONSHIPS[input.type].properties, [], () => {});
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Shortens user text quoted back in an error message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
