import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/db/to-plain.js';

const { Date: Neo4jDate, DateTime, Duration, Node, Relationship } = neo4j.types;

describe('toPlain', () => {
  it('passes scalars through and turns missing values into null', () => {
    expect(toPlain('Kunashir')).toBe('Kunashir');
    expect(toPlain(1956)).toBe(1956);
    expect(toPlain(true)).toBe(true);
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(null)).toBeNull();
  });

  it('turns Neo4j integers into numbers, and into strings beyond the safe range', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporal values into their ISO strings', () => {
    expect(toPlain(new Neo4jDate(2016, 12, 15))).toBe('2016-12-15');
    expect(toPlain(new DateTime(2018, 9, 10, 12, 0, 0, 0, 0))).toBe('2018-09-10T12:00:00Z');
    expect(toPlain(new Duration(1, 2, 30, 0))).toBe('P1M2DT30S');
  });

  it('keeps labels and types of nodes and relationships with plain properties', () => {
    const node = new Node(neo4j.int(1), ['Entity', 'Person'], { id: 'abe-shinzo', born: neo4j.int(1954) }, '4:x:1');
    const rel = new Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'MET', { on: new Neo4jDate(2016, 5, 6) }, '5:x:2', '4:x:1', '4:x:3');
    expect(toPlain(node)).toEqual({ labels: ['Entity', 'Person'], properties: { id: 'abe-shinzo', born: 1954 } });
    expect(toPlain(rel)).toEqual({ type: 'MET', properties: { on: '2016-05-06' } });
  });

  it('converts values nested in maps and lists, and returns new containers', () => {
    const row = { hops: [{ count: neo4j.int(2), names: ['Mitsui', null] }], missing: undefined };
    const plain = toPlain(row);
    expect(plain).toEqual({ hops: [{ count: 2, names: ['Mitsui', null] }], missing: null });
    expect(plain).not.toBe(row);
  });
});
