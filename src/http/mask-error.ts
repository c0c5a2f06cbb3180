import { GraphQLError } from 'graphql';
import type { YogaMaskedErrorOpts } from 'graphql-yoga';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/database-errors.js';

/**
 * Yoga's error masking. Expected errors (GraphQLErrors raised on purpose: bad
 * arguments, limits, syntax) reach the client as they are; database faults
 * become DATABASE_UNAVAILABLE (HTTP 503) or QUERY_TIMEOUT; anything else
 * becomes "Unexpected error." with code INTERNAL_SERVER_ERROR, its real cause
 * going only to the log (see request-log.ts). In production nothing internal
 * is attached: no `originalError`, no stack, no driver or Cypher text.
 */
export function createMaskError(production: boolean): YogaMaskedErrorOpts['maskError'] {
  return (error, message, isDev) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const located = error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
    if (original instanceof DatabaseUnavailableError) {
      return new GraphQLError(original.message, { ...located, extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } } });
    }
    if (original instanceof QueryTimeoutError) {
      return new GraphQLError(original.message, { ...located, extensions: { code: 'QUERY_TIMEOUT' } });
    }
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
      // Keep the outer message: it has the context (and, in production, no suggestions).
      const extensions: Record<string, unknown> = { ...(original instanceof GraphQLError ? original.extensions : {}), ...error.extensions };
      if (production) delete extensions['originalError'];
      // A body that is not JSON is no GraphQL request at all: 400 whatever the client accepts
      // (GraphQL over HTTP, "JSON parsing failure"); yoga would answer legacy application/json clients 200.
      const http = extensions['http'];
      if (extensions['code'] === 'BAD_REQUEST' && typeof http === 'object' && http !== null) extensions['http'] = { ...http, spec: false };
      return new GraphQLError(error.message, { ...located, extensions });
    }
    return new GraphQLError(isDev && !production ? String(original) : message, { ...located, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
