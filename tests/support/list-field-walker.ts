import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Walks a schema for every field that returns a list or a connection and
 * builds, for each, a query that puts it under a parent list whose length the
 * caller chooses (`n`). Running one case at n = 1, 5 and 20 shows whether the
 * field's round trips grow with the parent list's length (an N+1).
 *
 * Nothing here names a field of our schema: a list field added tomorrow is
 * walked without editing this file or the test.
 */

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** Arguments on a root field that set how many items it returns. */
export const WIDTH_ARGUMENTS = ['first', 'k', 'limit', 'maxNodes'] as const;
/** Page size for lists nested inside the parent list (their width stays fixed while `n` varies). */
const NESTED_PAGE = 5;

/** Values from the seed graph for required arguments, by kind. */
export interface Fillers {
  /** Global ids of real entities, at least 20 (the first two: two different actors). */
  readonly ids: readonly string[];
  /** A key of a real entity (for `String!` ids such as `history(id:)`). */
  readonly key: string;
  /** A search text that matches something. */
  readonly text: string;
}

/** Where a case's parent list sits and how to wrap a selection into a query under it. */
interface Parent {
  readonly type: Composite;
  /** Coordinates from the root to the parent list's items, e.g. `Query.events > EventConnection.nodes`. */
  readonly trail: string;
  /** Response keys from `data` to the items (fragments are transparent). */
  readonly path: readonly string[];
  /** Wraps `hole` (a selection on `type`) into a complete operation with a parent list of `n`. */
  readonly wrap: (hole: string, n: number) => string;
}

/** One list or connection field, placed under a parent list of `n` items. */
export interface ListFieldCase {
  /** `Type.field` of the list field walked. */
  readonly coordinate: string;
  /** The parent list it sits under. */
  readonly trail: string;
  /** Response keys from `data` to the parent list's items, to count them. */
  readonly parentPath: readonly string[];
  /** Response keys from `data` to the list field's own items (a connection's `nodes`). */
  readonly itemPath: readonly string[];
  query(n: number): string;
}

export interface Walk {
  readonly cases: readonly ListFieldCase[];
  /** List fields no case reaches, with why. */
  readonly unreached: readonly { coordinate: string; reason: string }[];
}

/** True for a field returning a list, or a connection (an object with an `edges` list). */
export function isListLike(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  if (isListType(type)) return true;
  if (!isObjectType(type)) return false;
  const edges = type.getFields()['edges'];
  return edges !== undefined && isListType(getNullableType(edges.type));
}

/** Every list-like field of the schema's output types (introspection and mutations aside). */
export function listFields(schema: GraphQLSchema): string[] {
  const mutation = schema.getMutationType()?.name;
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || type.name === mutation || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) if (isListLike(field)) out.push(`${type.name}.${field.name}`);
  }
  return out.sort();
}

/** Builds a case for every list-like field reachable under a parent list. */
export function walkListFields(schema: GraphQLSchema, fillers: Fillers): Walk {
  const query = schema.getQueryType();
  if (!query) return { cases: [], unreached: [] };
  const parents = new Map<string, Parent>();
  const queue: Parent[] = [];
  const visit = (parent: Parent): void => {
    if (parents.has(parent.type.name)) return;
    parents.set(parent.type.name, parent);
    queue.push(parent);
  };
  const rootWidthCases: ListFieldCase[] = [];
  const unreached: { coordinate: string; reason: string }[] = [];

  // Roots: every query field whose length a width argument (or a list of ids) sets.
  for (const field of Object.values(query.getFields())) {
    const coordinate = `Query.${field.name}`;
    const widthArg = field.args.find((a) => (WIDTH_ARGUMENTS as readonly string[]).includes(a.name) && getNamedType(a.type).name === 'Int');
    const idList = field.args.find((a) => isNonNullType(a.type) && isListType(getNullableType(a.type)) && getNamedType(a.type).name === 'ID');
    if (!widthArg && !idList) continue;
    const call = (n: number): string | null => {
      const args = fillArguments(field.args, fillers, n, widthArg?.name);
      return args === null ? null : `${field.name}${args}`;
    };
    if (call(1) === null) {
      unreached.push({ coordinate, reason: 'a required argument cannot be filled from the seed graph' });
      continue;
    }
    const rootWrap = (hole: string, n: number): string => `query {\n  ${call(n) ?? ''} ${hole}\n}`;
    for (const item of itemsOf(field, [field.name], coordinate)) {
      visit({ type: item.type, trail: item.trail, path: item.path, wrap: (hole, n) => rootWrap(item.nest(hole), n) });
    }
    const named = getNamedType(field.type);
    if (isListLike(field) && (isObjectType(named) || isInterfaceType(named) || isAbstractType(named))) {
      rootWidthCases.push({
        coordinate,
        trail: coordinate,
        parentPath: [],
        itemPath: isListType(getNullableType(field.type)) ? [field.name] : [field.name, 'nodes'],
        query: (n) => rootWrap(`{ ${selectionOf(named, 2, fillers)} }`, n),
      });
    }
  }

  // Breadth first: each object type is reached once, through the shortest parent list.
  const cases: ListFieldCase[] = [...rootWidthCases];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i]!;
    for (const field of Object.values(parent.type.getFields())) {
      const args = fillArguments(field.args, fillers, NESTED_PAGE);
      const coordinate = `${parent.type.name}.${field.name}`;
      const named = getNamedType(field.type);
      if (args === null) {
        if (isListLike(field)) unreached.push({ coordinate, reason: 'a required argument cannot be filled from the seed graph' });
        continue;
      }
      if (isListLike(field)) {
        const inner = isLeafType(named) ? '' : ` { ${selectionOf(named, 1, fillers)} }`;
        cases.push({
          coordinate,
          trail: parent.trail,
          parentPath: parent.path,
          itemPath: [...parent.path, field.name],
          query: (n) => parent.wrap(`${field.name}${args}${inner}`, n),
        });
      }
      if (isLeafType(named)) continue;
      for (const item of itemsOf(field, [...parent.path, field.name], `${parent.trail} > ${coordinate}`)) {
        visit({
          type: item.type,
          trail: item.trail,
          path: item.path,
          wrap: (hole, n) => parent.wrap(`${field.name}${args} ${item.nest(hole)}`, n),
        });
      }
    }
  }

  const covered = new Set(cases.map((c) => c.coordinate));
  const known = new Set(unreached.map((u) => u.coordinate));
  for (const coordinate of listFields(schema)) {
    if (!covered.has(coordinate) && !known.has(coordinate) && !coordinate.startsWith('Query.')) {
      unreached.push({ coordinate, reason: 'its type is reachable under no parent list' });
    }
  }
  return { cases, unreached };
}

/** The object types a field's value leads to, with how to nest a selection into them. */
function itemsOf(
  field: GraphQLField<unknown, unknown>,
  path: string[],
  trail: string,
): { type: Composite; path: string[]; trail: string; nest: (hole: string) => string }[] {
  const named = getNamedType(field.type);
  const out: { type: Composite; path: string[]; trail: string; nest: (hole: string) => string }[] = [];
  const expand = (type: GraphQLNamedType, innerPath: string[], innerTrail: string, nest: (hole: string) => string): void => {
    if (isObjectType(type) || isInterfaceType(type)) out.push({ type, path: innerPath, trail: innerTrail, nest });
    // Concrete members of an abstract type, through inline fragments.
    if (isAbstractType(type)) {
      const schemaTypes = isInterfaceType(type) ? [] : type.getTypes();
      for (const member of schemaTypes) out.push({ type: member, path: innerPath, trail: `${innerTrail} (${member.name})`, nest: (hole) => nest(`... on ${member.name} ${hole}`) });
    }
  };
  const braces = (hole: string): string => `{ ${hole} }`;
  expand(named, path, trail, (hole) => braces(hole));
  // A connection's items: its `nodes` and `edges`.
  if (isObjectType(named) && isListLike(field) && !isListType(getNullableType(field.type))) {
    for (const key of ['nodes', 'edges']) {
      const inner = named.getFields()[key];
      if (!inner) continue;
      expand(getNamedType(inner.type), [...path, key], `${trail} > ${named.name}.${key}`, (hole) => `{ ${key} { ${hole} } }`);
    }
  }
  return out;
}

/**
 * A selection on `type`: `__typename`, every leaf field, and (to `depth`)
 * every object field with its own selection. Members of unions through fragments.
 */
export function selectionOf(type: GraphQLNamedType, depth: number, fillers: Fillers): string {
  const parts = ['__typename'];
  if (isAbstractType(type) && !isInterfaceType(type)) {
    for (const member of type.getTypes()) parts.push(`... on ${member.name} { ${selectionOf(member, depth, fillers)} }`);
    return parts.join(' ');
  }
  if (!(isObjectType(type) || isInterfaceType(type))) return parts.join(' ');
  for (const field of Object.values(type.getFields())) {
    if (field.deprecationReason) continue;
    const args = fillArguments(field.args, fillers, NESTED_PAGE);
    if (args === null) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (depth > 0) parts.push(`${field.name}${args} { ${selectionOf(named, depth - 1, fillers)} }`);
  }
  return parts.join(' ');
}

/**
 * Arguments for a field: required ones from the seed graph, the width argument
 * set to `n`, any other width argument to `n` too; null when a required one
 * cannot be filled.
 */
function fillArguments(args: readonly GraphQLArgument[], fillers: Fillers, n: number, widthName?: string): string | null {
  const parts: string[] = [];
  let ids = 0;
  let ints = 0;
  for (const arg of args) {
    const named = getNamedType(arg.type).name;
    const list = isListType(getNullableType(arg.type));
    const isWidth = arg.name === widthName || (widthName === undefined && arg.name === 'first' && named === 'Int');
    if (isWidth) {
      parts.push(`${arg.name}: ${n}`);
      continue;
    }
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    if (named === 'ID' && list) parts.push(`${arg.name}: ${JSON.stringify(fillers.ids.slice(0, n))}`);
    else if (named === 'ID') parts.push(`${arg.name}: ${JSON.stringify(fillers.ids[ids++ % fillers.ids.length])}`);
    // Two required Ints are a range (e.g. lines from/to): 1 and 5.
    else if (named === 'Int') parts.push(`${arg.name}: ${ints++ === 0 ? 1 : 5}`);
    else if (named === 'String') parts.push(`${arg.name}: ${JSON.stringify(arg.name === 'query' ? fillers.text : fillers.key)}`);
    else return null;
  }
  return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}

/** Counts the objects at `path` in a response's `data` (lists flattened). */
export function countAt(data: unknown, path: readonly string[]): number {
  let level: unknown[] = [data];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of level) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[key];
      if (Array.isArray(child)) next.push(...(child as unknown[]).filter((c) => c !== null));
      else if (child !== null && child !== undefined) next.push(child);
    }
    level = next;
  }
  return level.length;
}
