import { describe, expect, it } from 'vitest';
import { formatCitation, parseCitation } from '../../src/model/citation.js';
import { datePrecision, firstDay, lastDay } from '../../src/model/dates.js';
import { decodeCursor, encodeCursor } from '../../src/db/cursor.js';

describe('citations', () => {
  it('parses bare and qualified line ranges', () => {
    expect(parseCitation('12', 'a.txt')).toEqual({ document: 'a.txt', startLine: 12, endLine: 12 });
    expect(parseCitation('b.txt:3-5')).toEqual({ document: 'b.txt', startLine: 3, endLine: 5 });
    expect(formatCitation({ document: 'b.txt', startLine: 3, endLine: 5 })).toBe('b.txt:3-5');
  });
  it('explains what is wrong with a malformed citation', () => {
    expect(parseCitation('5-3', 'a.txt')).toMatch(/inverted/);
    expect(parseCitation('line 4', 'a.txt')).toMatch(/malformed/);
    expect(parseCitation('4')).toMatch(/names no document/);
  });
});

describe('dates at their stated precision', () => {
  it('knows year, month and day precision and rejects impossible dates', () => {
    expect(datePrecision('2016')).toBe('year');
    expect(datePrecision('2016-05')).toBe('month');
    expect(datePrecision('2016-02-29')).toBe('day');
    expect(datePrecision('2015-02-29')).toBeUndefined();
    expect(datePrecision('2016-13')).toBeUndefined();
    expect(datePrecision('May 2016')).toBeUndefined();
  });
  it('widens partial dates to the days they cover', () => {
    expect(firstDay('2016')).toBe('2016-01-01');
    expect(lastDay('2016')).toBe('2016-12-31');
    expect(lastDay('2016-02')).toBe('2016-02-29');
    expect(firstDay('2016-12-15')).toBe('2016-12-15');
  });
});

describe('keyset cursors', () => {
  it('round-trip and refuse foreign strings', () => {
    const cursor = encodeCursor(['Abe', 'shinzo-abe']);
    expect(decodeCursor(cursor, 2)).toEqual(['Abe', 'shinzo-abe']);
    expect(decodeCursor(cursor, 3)).toBeUndefined();
    expect(decodeCursor('%%%', 2)).toBeUndefined();
  });
});
