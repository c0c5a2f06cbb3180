import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a key lets its holder do; each scope includes the ones before it. */
export const SCOPES = ['reader', 'curator', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The scopes a key of `scope` holds: an admin is also a curator and a reader. */
export function impliedScopes(scope: Scope): Scope[] {
  return SCOPES.slice(0, SCOPES.indexOf(scope) + 1);
}

/** A key's public half (its id) and the secret shown once at creation. */
export interface NewApiKey {
  readonly id: string;
  /** `rjg_<id>_<secret>`: what the client sends as `Authorization: Bearer ...`. */
  readonly token: string;
  readonly hash: string;
}

const TOKEN = /^rjg_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** Creates a random key: 256 secret bits, so an unsalted SHA-256 is as strong as a password hash for it. */
export function generateApiKey(): NewApiKey {
  const id = randomBytes(6).toString('hex');
  const token = `rjg_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashToken(token) };
}

/** The stored form of a token: only its SHA-256 is kept, never the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The key id inside a well-formed token, or `undefined` for anything else. */
export function keyIdOf(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

/** Compares a token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * The token a request carries: `Authorization: Bearer <token>` or `x-api-key: <token>`.
 * `null` when it carries none.
 */
export function tokenFromHeaders(headers: Headers): string | null {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? authorization;
  }
  return headers.get('x-api-key');
}
