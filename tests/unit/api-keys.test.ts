import { describe, expect, it } from 'vitest';
import { generateApiKey, hashToken, impliedScopes, keyIdOf, tokenFromHeaders, tokenMatches } from '../../src/auth/api-keys.js';

describe('API keys', () => {
  it('are random, keep only a hash, and name their id', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(keyIdOf(a.token)).toBe(a.id);
    expect(tokenMatches(a.token, a.hash)).toBe(true);
    expect(tokenMatches(b.token, a.hash)).toBe(false);
  });

  it('reject anything that is not a well-formed token', () => {
    for (const token of ['', 'rjg_', 'rjg_zz_zz', "rjg_000000000000_' OR 1=1 --", `rjg_000000000000_${'A'.repeat(44)}`]) expect(keyIdOf(token)).toBeUndefined();
  });

  it('are read from Authorization: Bearer or x-api-key', () => {
    expect(tokenFromHeaders(new Headers({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(tokenFromHeaders(new Headers({ 'x-api-key': 'def' }))).toBe('def');
    expect(tokenFromHeaders(new Headers())).toBeNull();
  });

  it('carry the scopes below theirs', () => {
    expect(impliedScopes('reader')).toEqual(['reader']);
    expect(impliedScopes('curator')).toEqual(['reader', 'curator']);
    expect(impliedScopes('admin')).toEqual(['reader', 'curator', 'admin']);
  });
});
