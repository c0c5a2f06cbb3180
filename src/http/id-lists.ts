import { getNullableType, GraphQLID, isInputObjectType, isListType, type GraphQLInputType } from 'graphql';

/**
 * Every list of ids inside an argument's value, with its path (`ids`,
 * `filter.ids`, `filter.some.0.ids` ...): the lists whose length decides how
 * many entities a request fetches. Walks the value along its input type;
 * values of the wrong shape are skipped (graphql-js reports them).
 */
export function idLists(path: string, value: unknown, type: GraphQLInputType): { path: string; length: number }[] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return [];
    const item = getNullableType(nullable.ofType);
    if (item === GraphQLID) return [{ path, length: value.length }];
    return value.flatMap((entry, i) => idLists(`${path}.${i}`, entry, nullable.ofType));
  }
  if (isInputObjectType(nullable) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fields = nullable.getFields();
    return Object.entries(value).flatMap(([name, entry]) => {
      const field = fields[name];
      return field ? idLists(`${path}.${name}`, entry, field.type) : [];
    });
  }
  return [];
}
