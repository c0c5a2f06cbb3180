import { describe, expect, it } from 'vitest';
import { keysetCondition, sortExpression } from '../../src/db/list-query.js';

describe('keyset conditions', () => {
  it('keeps the index-friendly range for non-null sorts', () => {
    expect(keysetCondition('n.name', false, false, 'after', false, false)).toBe('n.name >= $cv AND (n.name > $cv OR n.id > $cid)');
    expect(keysetCondition('n.name', false, true, 'after', false, false)).toBe('n.name <= $cv AND (n.name < $cv OR n.id < $cid)');
  });

  it('puts nulls last both ways', () => {
    // After a non-null value, the rest of the values and then every null follow.
    expect(keysetCondition('n.value', true, true, 'after', false, false)).toBe('(n.value IS NULL OR (n.value < $cv OR (n.value = $cv AND n.id < $cid)))');
    // After a null, only later nulls follow; before it, every value and earlier nulls.
    expect(keysetCondition('n.value', true, false, 'after', true, false)).toBe('n.value IS NULL AND n.id > $cid');
    expect(keysetCondition('n.value', true, false, 'before', true, true)).toBe('(n.value IS NOT NULL OR n.id <= $cid)');
  });

  it('sorts only by declared, scalar properties', () => {
    expect(sortExpression({ by: 'property', property: 'value' })).toMatchObject({ expression: 'n.value', nullable: true, numeric: true });
    expect(() => sortExpression({ by: 'property', property: 'value) DETACH DELETE n //' })).toThrow();
    expect(() => sortExpression({ by: 'property', property: 'authors' })).toThrow();
  });
});
