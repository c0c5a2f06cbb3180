import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';

/** A list answer that was cut at its cap: where it is in the response and what cut it. */
export interface Truncation {
  /** The list's path in the response (aliases as the client wrote them). */
  readonly path: readonly (string | number)[];
  /** The argument that capped it (`first`, `k` ...). */
  readonly argument: string;
  /** How many items the answer holds: the cap. More exist. */
  readonly returned: number;
}

const reported = new WeakMap<object, Truncation[]>();

/**
 * Keeps the first `limit` items of `items`, which was fetched with one more
 * than `limit` to learn whether the cap cut anything, and records the cut
 * for the response's `extensions.truncated` when it did.
 */
export function capList<T>(items: readonly T[], limit: number, argument: string, context: object, info: GraphQLResolveInfo): T[] {
  if (items.length <= limit) return [...items];
  const list = reported.get(context) ?? [];
  list.push({ path: responsePathAsArray(info.path), argument, returned: limit });
  reported.set(context, list);
  return items.slice(0, limit);
}

/** The truncations recorded while executing with `context`, in the order they happened. */
export function truncationsOf(context: object): readonly Truncation[] {
  return reported.get(context) ?? [];
}
