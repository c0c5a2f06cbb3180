import type { InputFieldBuilder } from '@pothos/core';
import { builder } from '../builder.js';
import type { PropertyCondition } from '../db/property-conditions.js';
import { lastDay } from '../model/dates.js';
import type { PropertySpec } from '../model/graph-model.js';
import { badInput, dateBound } from './arguments.js';

export const StringConditionInput = builder.inputType('StringCondition', {
  description: 'Conditions on a text property; all given ones must hold.',
  fields: (t) => ({
    eq: t.string({ description: 'Equals this text exactly.' }),
    in: t.stringList({ description: 'Equals one of these texts.' }),
    contains: t.string({ description: 'Contains this text, ignoring case and the kind of dash (– — - all match).' }),
    exists: t.boolean({ description: 'True: the property is set; false: it is not.' }),
  }),
});

export const NumberConditionInput = builder.inputType('NumberCondition', {
  description: 'Conditions on a numeric property; all given ones must hold. Entities without the property never match a bound.',
  fields: (t) => ({
    eq: t.float({ description: 'Equals this number.' }),
    in: t.floatList({ description: 'Equals one of these numbers.' }),
    gt: t.float({ description: 'Greater than this.' }),
    gte: t.float({ description: 'Greater than or equal to this.' }),
    lt: t.float({ description: 'Less than this.' }),
    lte: t.float({ description: 'Less than or equal to this.' }),
    exists: t.boolean({ description: 'True: the property is set; false: it is not.' }),
  }),
});

export const DateConditionInput = builder.inputType('DateCondition', {
  description:
    'Conditions on a date property, given as ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) and compared at the precision stored: ' +
    '`gte: "2016"` keeps 2016, 2016-05 and 2016-05-06; `lte: "2016"` keeps every date within 2016 and before.',
  fields: (t) => ({
    eq: t.string({ description: 'Stored exactly as this (e.g. "2016-12").' }),
    gte: t.string({ description: 'On or after this date.' }),
    lte: t.string({ description: 'On or before this date (a year or month covers all of it).' }),
    exists: t.boolean({ description: 'True: the property is set; false: it is not.' }),
  }),
});

/** The builder's type parameters, for helpers that add fields to its input types. */
type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

interface ConditionArg {
  eq?: string | number | null;
  in?: readonly (string | number)[] | null;
  gt?: number | null;
  gte?: string | number | null;
  lt?: number | null;
  lte?: string | number | null;
  contains?: string | null;
  exists?: boolean | null;
}

/** The model's description of a property, with its closed vocabulary if any. */
export function describeProperty(spec: PropertySpec): string {
  return spec.values ? `${spec.description} One of: ${spec.values.join(', ')}.` : spec.description;
}

/**
 * One input field per declared property (text, number or date condition), for
 * filter inputs generated from the model. List properties take text conditions
 * that hold for any element.
 */
export function propertyConditionFields(
  t: InputFieldBuilder<BuilderTypes, 'InputObject'>,
  properties: ReadonlyMap<string, PropertySpec>,
): Record<string, unknown> {
  return Object.fromEntries(
    [...properties].filter(([, spec]) => spec.type !== 'boolean').map(([name, spec]) => {
      const type = spec.type === 'number' ? NumberConditionInput : spec.type === 'date' ? DateConditionInput : StringConditionInput;
      return [name, t.field({ type, description: `Conditions on \`${name}\`: ${describeProperty(spec)}` })];
    }),
  );
}

/** Reads the generated property fields of a filter argument into validated conditions. */
export function toPropertyConditions(
  arg: Readonly<Record<string, unknown>>,
  properties: ReadonlyMap<string, PropertySpec>,
  path: string,
): PropertyCondition[] {
  const out: PropertyCondition[] = [];
  for (const [name, spec] of properties) {
    const raw = arg[name] as ConditionArg | null | undefined;
    if (!raw) continue;
    const where = `${path}.${name}`;
    const condition: Record<string, unknown> = { name, type: spec.type };
    for (const [op, value] of Object.entries(raw)) {
      if (value === null || value === undefined) continue;
      if (spec.type === 'date' && typeof value === 'string') {
        // Validate, then compare at the stored precision: an upper bound covers its whole year or month.
        dateBound(`${where}.${op}`, value, 'first');
        condition[op] = op === 'lte' ? lastDay(value) : value;
      } else if (typeof value === 'number' && !Number.isFinite(value)) {
        throw badInput(`${where}.${op}`, 'must be a finite number');
      } else {
        condition[op] = value;
      }
    }
    if (Array.isArray(condition['in']) && condition['in'].length > 100) throw badInput(`${where}.in`, 'lists more than 100 values');
    if (Object.keys(condition).length > 2) out.push(condition as unknown as PropertyCondition);
  }
  return out;
}
