import {
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
import { isEntityLabel, type EntityLabel } from '../model/graph-model.js';

/** The operation a selection belongs to (a resolver's `info` has all of it). */
export interface SelectionInput {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variableValues: Readonly<Record<string, unknown>>;
}

export interface CollectedField {
  readonly node: FieldNode;
  readonly field: GraphQLField<unknown, unknown>;
  /** The type the field was selected on. */
  readonly owner: GraphQLCompositeType;
  /** The entity kind a fragment's type condition narrowed to, or null. */
  readonly label: EntityLabel | null;
}

/** The fields selected on `type`, fragments flattened, each with its definition and the kind a fragment narrowed to. */
export function collectFields(input: SelectionInput, set: SelectionSetNode | undefined, type: GraphQLCompositeType): CollectedField[] {
  const out: CollectedField[] = [];
  walkSelections(input, set, type, null, (node, owner, label) => {
    const field = isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[node.name.value] : undefined;
    if (field) out.push({ node, field, owner, label });
  });
  return out;
}

/** The field nodes of a selection set, fragments flattened (types not looked at). */
export function collectNodes(input: SelectionInput, set: SelectionSetNode | undefined): FieldNode[] {
  const out: FieldNode[] = [];
  walkSelections(input, set, null, null, (node) => out.push(node));
  return out;
}

function walkSelections<T extends GraphQLCompositeType | null>(
  input: SelectionInput,
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
