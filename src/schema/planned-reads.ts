import { Kind, type GraphQLCompositeType, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../context.js';
import type { RelationshipLevel } from '../planner/plan.js';
import { planRelationships } from '../planner/plan-selection.js';
import type { PlanSink } from '../planner/read-plan.js';
import { relationshipArgs } from './relationship-connection.js';

/**
 * The relationship pages that the selections `sets` (on entities of `type`)
 * ask for, planned so that the root field reads them in its own query; null
 * or empty when nothing is to be planned (the resolvers then load as before).
 */
export function planEntitySelections(info: GraphQLResolveInfo, ctx: Context, sets: readonly SelectionSetNode[], type: GraphQLCompositeType): RelationshipLevel[] | null {
  const set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: sets.flatMap((s) => s.selections) };
  return planRelationships(
    {
      schema: info.schema,
      fragments: info.fragments,
      variableValues: info.variableValues,
      toArgs: (raw, withTotal, lean) => relationshipArgs(raw, ctx.limits.maxPageSize, withTotal, lean),
    },
    set,
    type,
  );
}

/** The selection sets under a connection field's `nodes` and `edges { node }` (fragments followed). */
export function connectionNodeSelections(info: GraphQLResolveInfo): SelectionSetNode[] {
  const out: SelectionSetNode[] = [];
  const fields = (selections: readonly SelectionNode[], visit: (name: string, set: SelectionSetNode | undefined) => void): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) visit(selection.name.value, selection.selectionSet);
      else {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
        if (inner) fields(inner.selections, visit);
      }
    }
  };
  for (const node of info.fieldNodes) {
    fields(node.selectionSet?.selections ?? [], (name, set) => {
      if (name === 'nodes' && set) out.push(set);
      if (name === 'edges' && set) fields(set.selections, (inner, nodeSet) => { if (inner === 'node' && nodeSet) out.push(nodeSet); });
    });
  }
  return out;
}

/** Hands planned results to the request's loaders, where the field resolvers find them. */
export function loaderSink(ctx: Context): PlanSink {
  return {
    entity: (record) => ctx.loaders.entity.prime(record.key, record),
    page: (args, key, page) => ctx.loaders.relationships(args).prime(key, page),
  };
}
