import { GraphQLError } from 'graphql';
import type { ApiKeyStore } from '../db/api-key-store.js';
import { impliedScopes, keyIdOf, tokenFromHeaders, tokenMatches, type Scope } from './api-keys.js';

/** Who is asking: an API key's holder, or nobody. */
export interface Actor {
  /** `key:<id>` (named in every revision the actor makes). */
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly Scope[];
}

/** The request's caller as resolvers see it. */
export interface Caller {
  readonly actor: Actor | null;
  /** Reads need no key (READS_REQUIRE_KEY unset). */
  readonly publicReads: boolean;
  /** The request id (x-request-id) recorded in every revision the request makes. */
  readonly requestId: string;
}

/**
 * Resolves the request's API key to an actor. No key: `null` (anonymous).
 * A key that is malformed, unknown or revoked is refused outright (401),
 * rather than silently treated as anonymous.
 */
export async function authenticate(headers: Headers, keys: ApiKeyStore): Promise<Actor | null> {
  const token = tokenFromHeaders(headers);
  if (token === null) return null;
  const id = keyIdOf(token);
  const record = id === undefined ? null : await keys.findLive(id);
  if (!record || !tokenMatches(token, record.hash)) {
    throw new GraphQLError('The API key is not valid: it is malformed, unknown or revoked.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
    });
  }
  return { id: `key:${record.id}`, name: record.name, scopes: impliedScopes(record.scope) };
}
