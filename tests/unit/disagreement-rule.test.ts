import { describe, expect, it } from 'vitest';
import { disagree, pairDisagreements, type Claim } from '../../src/model/disagreement.js';

const claim = (over: Partial<Claim>): Claim => ({
  key: 'a',
  measure: 'bilateral trade turnover',
  unit: 'USD billion',
  value: 28.3,
  dateFrom: '2014-01-01',
  dateTo: '2014-12-31',
  documents: ['000.txt'],
  subjects: ['russia', 'japan'],
  ...over,
});

describe('the disagreement rule', () => {
  const a = claim({});
  it('pairs the same measure, time and subjects with different values from different documents', () => {
    expect(disagree(a, claim({ key: 'b', value: 30.7, documents: ['004.txt'] }))).toBe(true);
  });
  it('folds case, spacing and dashes in the measure', () => {
    expect(disagree(a, claim({ key: 'b', measure: 'Bilateral  trade turnover', value: 30.7, documents: ['004.txt'] }))).toBe(true);
  });
  it.each([
    ['the same document', { documents: ['000.txt', '004.txt'] }],
    ['the same value', { value: 28.3 }],
    ['another unit', { unit: 'USD million' }],
    ['another year', { dateFrom: '2015-01-01', dateTo: '2015-12-31' }],
    ['an undated figure', { dateFrom: null, dateTo: null }],
    ['other subjects', { subjects: ['russia', 'china'] }],
  ])('does not pair %s', (_why, over) => {
    expect(disagree(a, claim({ key: 'b', value: 30.7, documents: ['004.txt'], ...over }))).toBe(false);
  });
  it('accepts subjects that contain the other side\'s, and overlapping periods', () => {
    expect(disagree(a, claim({ key: 'b', value: 30.7, documents: ['004.txt'], subjects: ['russia'], dateFrom: '2014-10-01', dateTo: '2014-10-31' }))).toBe(true);
  });
  it('lists each pair once', () => {
    const b = claim({ key: 'b', value: 30.7, documents: ['004.txt'] });
    expect(pairDisagreements([b, a]).map(([x, y]) => [x.key, y.key])).toEqual([['a', 'b']]);
  });
});
