import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `name` directly (under any alias,
 * through inline fragments and fragment spreads, whatever their type
 * condition). Lets a resolver skip work nobody asked for, such as counting
 * every match for a `totalCount` the client did not select. Over-inclusive by
 * design: a `@skip`ped or type-conditioned selection still counts as selected.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visited = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === name;
        case Kind.INLINE_FRAGMENT:
          return inSet(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const fragmentName = selection.name.value;
          if (visited.has(fragmentName)) return false; // validation rejects cycles; this only stops repeats
          visited.add(fragmentName);
          return inSet(info.fragments[fragmentName]?.selectionSet);
        }
      }
    }) ?? false;
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}

/**
 * A connection's total, loaded because `totalCount` was selected (see
 * `selectsField`); null here would mean the look-ahead missed a selection.
 */
export function selectedTotal(total: number | null): number {
  if (total === null) throw new Error('invariant: totalCount was resolved but not loaded');
  return total;
}
