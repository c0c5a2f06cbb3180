import { getArgumentValues, getNamedType, type GraphQLCompositeType, type SelectionSetNode } from 'graphql';
import type { RelationshipArgs } from '../db/relationship-page.js';
import type { EntityLabel } from '../model/graph-model.js';
import type { RelationshipLevel } from './plan.js';
import { isLeanPage, relationshipPageEnd } from './lean-selection.js';
import { collectFields, collectNodes, type SelectionInput } from './selection-walk.js';
import { fixedRelationshipField } from './relationship-fields.js';

/** Raw arguments of a relationship field, with a typed field's fixed types and direction filled in. */
export interface RawRelationshipArgs {
  types?: RelationshipArgs['types'];
  direction?: RelationshipArgs['direction'] | null;
  first?: number | null;
  after?: string | null;
}

/** What the planner needs of the operation being executed. */
export interface PlanInput extends SelectionInput {
  /** The resolver's own argument check (page size, cursor): the plan keys pages exactly as the resolvers do. */
  readonly toArgs: (raw: RawRelationshipArgs, withTotal: boolean, lean: boolean) => RelationshipArgs;
}

/**
 * Plans the relationship pages asked for under an entity: walks `set` (on
 * `type`) through aliases, inline fragments and fragment spreads, and for every
 * relationship connection field (the generic one, or a typed field's
 * `<Kind>RelationshipConnection`) notes its arguments and, under
 * `edges { other }`, the pages asked for on the other ends, read on the type
 * `other` has there. Returns null when an argument is
 * invalid: the resolvers then run unplanned and report the error themselves.
 */
export function planRelationships(input: PlanInput, set: SelectionSetNode | undefined, type: GraphQLCompositeType): RelationshipLevel[] | null {
  const levels = new Map<string, { args: RelationshipArgs; labels: Set<EntityLabel> | null; sets: { set: SelectionSetNode; type: GraphQLCompositeType }[] }>();
  try {
    for (const { node, field, owner, label } of collectFields(input, set, type)) {
      const connection = getNamedType(field.type);
      const other = relationshipPageEnd(connection);
      if (!other) continue;
      const raw = getArgumentValues(field, node, input.variableValues) as RawRelationshipArgs;
      const fixed = fixedRelationshipField(owner.name, field.name);
      const args = input.toArgs(
        fixed ? { ...raw, types: fixed.types, direction: fixed.direction } : raw,
        selects(input, node.selectionSet, 'totalCount'),
        isLeanPage(input, [node], connection),
      );
      const id = JSON.stringify(args);
      const level = levels.get(id) ?? { args, labels: new Set<EntityLabel>(), sets: [] };
      if (label === null) level.labels = null;
      else level.labels?.add(label);
      for (const edges of collectNodes(input, node.selectionSet)) {
        if (edges.name.value !== 'edges') continue;
        for (const end of collectNodes(input, edges.selectionSet)) {
          if (end.name.value === 'other' && end.selectionSet) level.sets.push({ set: end.selectionSet, type: other });
        }
      }
      levels.set(id, level);
    }
  } catch {
    return null;
  }
  const out: RelationshipLevel[] = [];
  for (const level of levels.values()) {
    const children: RelationshipLevel[] = [];
    for (const child of level.sets) {
      const planned = planRelationships(input, child.set, child.type);
      if (planned === null) return null;
      children.push(...planned);
    }
    out.push({ args: level.args, labels: level.labels ? [...level.labels].sort() : null, children: mergeLevels(children) });
  }
  return out;
}

/** Levels with the same arguments asked for in several places become one (their children merged). */
function mergeLevels(levels: readonly RelationshipLevel[]): RelationshipLevel[] {
  const byArgs = new Map<string, RelationshipLevel>();
  for (const level of levels) {
    const id = JSON.stringify(level.args);
    const seen = byArgs.get(id);
    if (!seen) {
      byArgs.set(id, level);
      continue;
    }
    const labels = seen.labels === null || level.labels === null ? null : [...new Set([...seen.labels, ...level.labels])].sort();
    byArgs.set(id, { args: level.args, labels, children: mergeLevels([...seen.children, ...level.children]) });
  }
  return [...byArgs.values()];
}

/** Whether `set` selects `name` anywhere in it (fragments included), as the resolvers' look-ahead decides. */
function selects(input: SelectionInput, set: SelectionSetNode | undefined, name: string): boolean {
  return collectNodes(input, set).some((node) => node.name.value === name);
}
