import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';

/** The scopes fields can demand (Pothos scope-auth). */
export interface AuthScopes {
  /** May read the graph: always while reads are public, else with any key. */
  read: boolean;
  reader: boolean;
  curator: boolean;
  admin: boolean;
}

/** Evaluates the request's scopes once (the plugin caches them per request). */
export function authScopesOf(context: Context): Record<keyof AuthScopes, boolean> {
  const { actor, publicReads } = context.caller;
  const has = (scope: 'reader' | 'curator' | 'admin'): boolean => actor?.scopes.includes(scope) ?? false;
  return { read: publicReads || has('reader'), reader: has('reader'), curator: has('curator'), admin: has('admin') };
}

/**
 * The refusal: 401 UNAUTHENTICATED without a key (send one), 403 FORBIDDEN
 * with a key that lacks the scope (a different key is needed).
 */
export function unauthorized(_parent: unknown, context: Context, info: { fieldName: string; parentType: { name: string } }): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  if (!context.caller.actor) {
    return new GraphQLError(`${field} needs an API key: send "Authorization: Bearer <key>".`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
    });
  }
  return new GraphQLError(`${field} is not allowed for this API key (scopes: ${context.caller.actor.scopes.join(', ')}).`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
