import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Limits } from '../config.js';
import { NETWORK_MAX_NODES } from '../model/layers.js';
import { argumentValue, variableLookup, type VariableLookup } from './argument-values.js';

/** Arguments that set how many items a field returns. */
export const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'k'] as const;
/**
 * Arguments that cap how many entities a whole answer holds (`network(maxNodes:)`), with the
 * largest value the field accepts: the answer is priced like a page of that many, so every
 * list inside it (nodes, ties and their evidence) costs per entity.
 */
export const NODE_CAP_ARGUMENTS: Readonly<Record<string, number>> = { maxNodes: NETWORK_MAX_NODES };
/** Size assumed when a sized field is asked without a size and its schema gives no default. */
export const DEFAULT_PAGE_SIZE = 20;
/** Size assumed for a list without a size argument (citations, aliases, introspection lists ...). */
export const UNSIZED_LIST_SIZE = 10;

/**
 * Validation rule estimating what a query costs before it runs and rejecting
 * it above `maxCost` (MAX_QUERY_COST). Every field costs 1 plus the cost of
 * its selection times its size: the value of its `first`/`last`/`limit`/`k`
 * argument (literal or variable, capped at MAX_PAGE_SIZE since larger pages
 * are refused anyway; the argument's default or 20 if absent); for a
 * network (`maxNodes`), that cap (at most NETWORK_MAX_NODES); for a list
 * fetched by a list argument (`nodes(ids: [...])`), the length of that list
 * (capped the same way, since longer id lists are refused); 10 for other lists
 * without a size argument, 1 otherwise. The `edges` and `nodes` of a sized
 * connection are already counted by its size. Introspection (`__schema`,
 * `__type`) is priced flat, one per selected field: its lists are bounded by
 * the size of the schema, not by page sizes, and its abuse is stopped by the
 * depth, alias and token limits and graphql-js's MaxIntrospectionDepthRule,
 * so GraphiQL's and codegen's full introspection queries always pass. Fragments are followed once
 * each (memoized, so fragment "bombs" cost time linear in their text);
 * cycles, which graphql-js reports itself, count nothing.
 */
export function queryCostRule(limits: Pick<Limits, 'maxCost' | 'maxPageSize'>, variables?: Readonly<Record<string, unknown>> | null) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      if (!root) return;
      const cost = measureCost(context, operation, root, limits.maxPageSize, variableLookup(context.getDocument(), variables));
      if (cost > limits.maxCost) {
        const shown = cost > 1e15 ? 'over 10^15' : String(cost);
        context.reportError(
          new GraphQLError(
            `Query cost ${shown} exceeds the limit of ${limits.maxCost} (MAX_QUERY_COST): each list multiplies the cost of what it contains by its page size; ask for smaller pages or fewer nested lists.`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_COSTLY', cost: Math.min(cost, Number.MAX_SAFE_INTEGER), limit: limits.maxCost } },
          ),
        );
      }
    },
  });
}

/** The estimated cost of one operation (see queryCostRule). */
export function measureCost(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  root: GraphQLCompositeType,
  maxPageSize: number,
  lookup: VariableLookup,
): number {
  const schema = context.getSchema();
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const sizeOf = (node: FieldNode, field: GraphQLField<unknown, unknown>): number | undefined => {
    let size: number | undefined;
    let sized = false;
    for (const name of SIZE_ARGUMENTS) {
      const definition = field.args.find((arg) => arg.name === name);
      if (!definition) continue;
      sized = true;
      const value = argumentValue(node, name, lookup) ?? definition.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    if (sized) return Math.min(Math.max(size ?? DEFAULT_PAGE_SIZE, 0), maxPageSize);
    for (const [name, cap] of Object.entries(NODE_CAP_ARGUMENTS)) {
      const definition = field.args.find((arg) => arg.name === name);
      if (!definition) continue;
      const value = argumentValue(node, name, lookup) ?? definition.defaultValue;
      return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), cap) : cap;
    }
    return isList(field.type) ? listArgumentLength(node, field, lookup, maxPageSize) : undefined;
  };

  const fieldDefinition = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    return 'getFields' in parent ? parent.getFields()[name] : undefined;
  };

  /** `flat`: inside introspection, where lists do not multiply (see queryCostRule). */
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, boundedByParent: boolean, flat = false): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(parent, selection.name.value);
        if (!field) continue; // unknown fields are reported by graphql-js
        const named = getNamedType(field.type);
        const introspection = flat || field === SchemaMetaFieldDef || field === TypeMetaFieldDef;
        const size = introspection ? undefined : sizeOf(selection, field);
        let multiplier = 1;
        if (size !== undefined) multiplier = size;
        else if (isList(field.type) && !boundedByParent && !introspection) multiplier = UNSIZED_LIST_SIZE;
        // A sized connection (not itself a list): its edges/nodes lists are the page already counted.
        const connection = size !== undefined && !isList(field.type);
        const inner = selection.selectionSet && isCompositeType(named) ? selectionCost(selection.selectionSet, named, connection, introspection) : 0;
        cost += 1 + multiplier * inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) cost += selectionCost(selection.selectionSet, type, boundedByParent, flat);
      } else {
        const name = selection.name.value;
        const key = `${name}:${boundedByParent}:${flat}`;
        const known = fragmentCosts.get(key);
        if (known !== undefined) {
          cost += known;
          continue;
        }
        const fragment = context.getFragment(name);
        const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (!fragment || !type || !isCompositeType(type) || inProgress.has(name)) continue;
        inProgress.add(name);
        const fragmentCost = selectionCost(fragment.selectionSet, type, boundedByParent, flat);
        inProgress.delete(name);
        fragmentCosts.set(key, fragmentCost);
        cost += fragmentCost;
      }
    }
    return cost;
  };

  return selectionCost(operation.selectionSet, root, false);
}

function isList(type: GraphQLOutputType | GraphQLInputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * For a list field fetched by a list argument (`nodes(ids: [...])`): the
 * longest such list given, capped at `maxPageSize`; undefined when the field
 * has no list argument or none is given (then it counts as an unsized list).
 */
function listArgumentLength(node: FieldNode, field: GraphQLField<unknown, unknown>, lookup: VariableLookup, maxPageSize: number): number | undefined {
  let length: number | undefined;
  for (const definition of field.args) {
    if (!isList(definition.type)) continue;
    const value = argumentValue(node, definition.name, lookup);
    if (Array.isArray(value)) length = Math.max(length ?? 0, value.length);
  }
  return length === undefined ? undefined : Math.min(length, maxPageSize);
}
