import { GraphQLError } from 'graphql';

/** A refused curation request: nothing was written. Codes map to HTTP statuses. */
export function curationError(
  code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BATCH_TOO_LARGE',
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const status = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BATCH_TOO_LARGE: 413 }[code];
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

/** Where in a batch a problem sits: `operations[3].addEntity`. */
export function at(index: number, name: string): string {
  return `operations[${index}].${name}`;
}
