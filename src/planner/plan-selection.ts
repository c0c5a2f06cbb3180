import {
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { RelationshipArgs } from '../db/relationship-page.js';
import { isEntityLabel, type EntityLabel } from '../model/graph-model.js';
import type { RelationshipLevel } from './plan.js';
import { fixedRelationshipField } from './relationship-fields.js';

/** The connection type every relationship field returns. */
const RELATIONSHIP_CONNECTION = 'RelationshipConnection';

/** Raw arguments of a relationship field, with a typed field's fixed types and direction filled in. */
export interface RawRelationshipArgs {
  types?: RelationshipArgs['types'];
  direction?: RelationshipArgs['direction'] | null;
  first?: number | null;
  after?: string | null;
}

/** What the planner needs of the operation being executed (a resolver's `info` has all of it). */
export interface PlanInput {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variableValues: Readonly<Record<string, unknown>>;
  /** The resolver's own argument check (page size, cursor): the plan keys pages exactly as the resolvers do. */
  readonly toArgs: (raw: RawRelationshipArgs, withTotal: boolean) => RelationshipArgs;
}

/**
 * Plans the relationship pages asked for under an entity: walks `set` (on
 * `type`) through aliases, inline fragments and fragment spreads, and for every
 * relationship connection field notes its arguments and, under `edges { other }`,
 * the pages asked for on the other ends. Returns null when an argument is
 * invalid: the resolvers then run unplanned and report the error themselves.
 */
export function planRelationships(input: PlanInput, set: SelectionSetNode | undefined, type: GraphQLCompositeType): RelationshipLevel[] | null {
  const levels = new Map<string, { args: RelationshipArgs; labels: Set<EntityLabel> | null; sets: SelectionSetNode[] }>();
  const entity = input.schema.getType('Entity');
  try {
    for (const { node, field, owner, label } of collectFields(input, set, type)) {
      if (getNamedType(field.type).name !== RELATIONSHIP_CONNECTION) continue;
      const raw = getArgumentValues(field, node, input.variableValues) as RawRelationshipArgs;
      const fixed = fixedRelationshipField(owner.name, field.name);
      const args = input.toArgs(fixed ? { ...raw, types: fixed.types, direction: fixed.direction } : raw, selects(input, node.selectionSet, 'totalCount'));
      const id = JSON.stringify(args);
      const level = levels.get(id) ?? { args, labels: new Set<EntityLabel>(), sets: [] };
      if (label === null) level.labels = null;
      else level.labels?.add(label);
      for (const edges of collectNodes(input, node.selectionSet)) {
        if (edges.name.value !== 'edges') continue;
        for (const other of collectNodes(input, edges.selectionSet)) {
          if (other.name.value === 'other' && other.selectionSet) level.sets.push(other.selectionSet);
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
    if (entity && (isInterfaceType(entity) || isObjectType(entity))) {
      for (const childSet of level.sets) {
        const planned = planRelationships(input, childSet, entity);
        if (planned === null) return null;
        children.push(...planned);
      }
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

interface CollectedField {
  readonly node: FieldNode;
  readonly field: GraphQLField<unknown, unknown>;
  /** The type the field was selected on. */
  readonly owner: GraphQLCompositeType;
  /** The entity kind a fragment's type condition narrowed to, or null. */
  readonly label: EntityLabel | null;
}

/** The fields selected on `type`, fragments flattened, each with its definition and the kind a fragment narrowed to. */
function collectFields(input: PlanInput, set: SelectionSetNode | undefined, type: GraphQLCompositeType): CollectedField[] {
  const out: CollectedField[] = [];
  walkSelections(input, set, type, null, (node, owner, label) => {
    const field = isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[node.name.value] : undefined;
    if (field) out.push({ node, field, owner, label });
  });
  return out;
}

/** The field nodes of a selection set, fragments flattened (types not looked at). */
function collectNodes(input: PlanInput, set: SelectionSetNode | undefined): FieldNode[] {
  const out: FieldNode[] = [];
  walkSelections(input, set, null, null, (node) => out.push(node));
  return out;
}

function walkSelections<T extends GraphQLCompositeType | null>(
  input: PlanInput,
  set: SelectionSetNode | undefined,
  owner: T,
  label: EntityLabel | null,
  visit: (node: FieldNode, owner: T, label: EntityLabel | null) => void,
  seen = new Set<string>(),
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      visit(selection, owner, label);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (seen.has(selection.name.value)) continue; // validation rejects cycles; this only stops repeats
      seen.add(selection.name.value);
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments[selection.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    const narrowed = condition && owner ? ((input.schema.getType(condition) as GraphQLCompositeType | undefined) ?? owner) : owner;
    walkSelections(input, fragment.selectionSet, narrowed as T, condition && isEntityLabel(condition) ? condition : label, visit, seen);
  }
}

/** Whether `set` selects `name` anywhere in it (fragments included), as the resolvers' look-ahead decides. */
function selects(input: PlanInput, set: SelectionSetNode | undefined, name: string): boolean {
  return collectNodes(input, set).some((node) => node.name.value === name);
}
