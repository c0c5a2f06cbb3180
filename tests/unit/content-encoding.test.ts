import { describe, expect, it } from 'vitest';
import { chooseEncoding, isCompressible } from '../../src/http/content-encoding.js';
import { matchesETag, weakETag } from '../../src/http/etag.js';

describe('chooseEncoding', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP ; q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.2, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', null],
    ['identity', null],
    ['br;q=0, gzip;q=0', null],
    ['', null],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it('answers uncompressed without the header', () => {
    expect(chooseEncoding(null)).toBeNull();
  });
});

describe('isCompressible', () => {
  it.each([
    ['application/json; charset=utf-8', true],
    ['application/graphql-response+json; charset=utf-8', true],
    ['text/html; charset=utf-8', true],
    ['text/csv; charset=utf-8', true],
    ['application/xml; charset=utf-8', true],
    ['text/javascript; charset=utf-8', true],
    ['image/svg+xml', true],
    ['font/woff2', false],
    ['image/png', false],
    ['application/octet-stream', false],
  ] as const)('%s → %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });

  it('leaves an answer without a content type alone', () => {
    expect(isCompressible(null)).toBe(false);
  });
});

describe('ETags', () => {
  it('are weak, stable for the same parts and different for others', () => {
    expect(weakETag('a', 'b')).toMatch(/^W\/"[\w-]+"$/);
    expect(weakETag('a', 'b')).toBe(weakETag('a', 'b'));
    expect(weakETag('a', 'b')).not.toBe(weakETag('ab'));
  });

  it('match if-none-match by weak comparison, in lists and with *', () => {
    expect(matchesETag('W/"x"', '"x"')).toBe(true);
    expect(matchesETag('"y", W/"x"', 'W/"x"')).toBe(true);
    expect(matchesETag('*', 'W/"x"')).toBe(true);
    expect(matchesETag('"y"', 'W/"x"')).toBe(false);
    expect(matchesETag(null, 'W/"x"')).toBe(false);
  });
});
