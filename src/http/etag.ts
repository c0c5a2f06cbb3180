import { createHash } from 'node:crypto';

/** Content-hashed names never change content: any cache may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A weak validator for `parts` (weak: the same content may be sent in different encodings). */
export function weakETag(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return `W/"${hash.digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an `if-none-match` header names `etag` (weak comparison, as
 * RFC 9110 asks for GET: `W/"x"` matches `"x"`; `*` matches anything).
 */
export function matchesETag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** A 304 carrying the validator and caching headers of the answer it stands for, without its body. */
export function notModified(headers: Readonly<Record<string, string>>): Response {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !['content-length', 'content-disposition'].includes(name.toLowerCase())));
  return new Response(null, { status: 304, headers: kept });
}
