import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { argumentLimitsRule } from '../../src/http/argument-limits.js';
import { PLAYGROUND_EXAMPLES } from '../../src/http/playground-examples.js';
import { queryCostRule } from '../../src/http/query-cost.js';
import { queryLimitsRule } from '../../src/http/query-limits.js';
import { NETWORK_MAX_NODES } from '../../src/model/layers.js';
import { schema } from '../../src/schema/index.js';
import { NETWORK_QUERY } from '../../explorer/src/queries.js';

const limits = loadConfig({}).limits;

/** The cost the rule computes, read from its error with a limit of 0. */
function cost(query: string, variables?: Record<string, unknown>): number {
  const [error] = validate(schema, parse(query), [queryCostRule({ ...limits, maxCost: 0 }, variables)]);
  return Number(error?.extensions['cost'] ?? 0);
}

const check = (query: string, variables?: Record<string, unknown>): string[] =>
  validate(schema, parse(query), [...specifiedRules, queryLimitsRule(limits), queryCostRule(limits, variables), argumentLimitsRule(limits, variables)]).map(
    (e) => e.message,
  );

describe('query cost', () => {
  it('counts one per field, and multiplies what a page holds by its size', () => {
    expect(cost('{ entity(id: "x") { name } }')).toBe(2);
    expect(cost('{ entities(first: 10) { nodes { name } } }')).toBe(21); // nodes are the page: not multiplied again
    expect(cost('{ entity(id: "x") { relationships(first: 5) { edges { other { name } } } } }')).toBe(1 + 1 + 5 * (1 + 1 * (1 + 1)));
    expect(cost('{ entity(id: "x") { citations { reference } } }')).toBe(1 + 1 + 10); // an unsized list counts 10
    expect(cost('{ timeline { name } }')).toBe(1 + 50); // the schema's default, 50
    expect(cost('{ entities { totalCount } }')).toBe(1 + 20); // no default in the schema: 20
  });

  it('reads sizes from variables and their defaults, capped at MAX_PAGE_SIZE', () => {
    const query = 'query($n: Int) { entities(first: $n) { nodes { name } } }';
    expect(cost(query, { n: 5 })).toBe(11);
    expect(cost(query)).toBe(41);
    expect(cost('query($n: Int = 3) { entities(first: $n) { nodes { name } } }')).toBe(7);
    expect(cost('{ entities(first: 100000) { nodes { name } } }')).toBe(201);
  });

  it('follows fragments once each, so a fragment bomb is rejected quickly', () => {
    let bomb = '{ entity(id: "x") { ...F0 } }\n';
    for (let i = 0; i < 200; i++) bomb += `fragment F${i} on Entity { ...F${i + 1} ...F${i + 1} }\n`;
    bomb += 'fragment F200 on Entity { name }';
    const started = performance.now();
    const errors = check(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors.join('\n')).toMatch(/Query cost over 10\^15 exceeds the limit of 50000 \(MAX_QUERY_COST\)/);
  });

  it('lets every playground example through the default limits', () => {
    for (const { title, query } of PLAYGROUND_EXAMPLES) expect(check(query), title).toEqual([]);
  });
});

describe('network answers priced by their cap', () => {
  it('multiplies what a network holds by maxNodes (its default 500, at most NETWORK_MAX_NODES)', () => {
    expect(cost('{ network { nodes { key } } }')).toBe(1 + 500 * (1 + 1));
    expect(cost('{ network(maxNodes: 40) { nodes { key } ties { kind } } }')).toBe(1 + 40 * (1 + 1 + 1 + 1));
    expect(cost('query($m: Int) { network(maxNodes: $m) { nodes { key } } }', { m: 1_000_000 })).toBe(1 + NETWORK_MAX_NODES * 2);
  });

  it('refuses a network asking evidence for thousands of entities, and lets the explorer\'s own query through', () => {
    const heavy = '{ network(maxNodes: 5000) { nodes { key name } ties { kind evidence { entity { key } relationships { id citations { reference } } } } } }';
    expect(check(heavy)[0]).toMatch(/^Query cost \d+ exceeds the limit of 50000/);
    expect(check(NETWORK_QUERY, { id: 'japan', depth: 2, layers: ['ACTORS'] })).toEqual([]);
  });
});

describe('argument limits before execution', () => {
  it('names the argument and the limit, for literals and variables', () => {
    expect(check('{ entities(first: 101) { totalCount } }')).toEqual(['Argument "first" is 101; the limit is 100']);
    expect(check('query($h: Int) { paths(from: "a", to: "b", maxHops: $h) { length } }', { h: 7 })).toEqual([
      'Argument "maxHops" is 7; it must be a whole number from 1 to 6',
    ]);
    expect(check('query($d: Int = 4) { neighborhood(id: "a", depth: $d) { nodes { key } } }')).toEqual([
      'Argument "depth" is 4; it must be a whole number from 1 to 3',
    ]);
    expect(check('{ entities(first: 100) { totalCount } neighborhood(id: "a", depth: 3, limit: 100) { nodes { key } } }')).toEqual([]);
  });
});

describe('query cost of list arguments', () => {
  it('multiplies a list fetched by ids by the number of ids (capped at MAX_PAGE_SIZE)', () => {
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    expect(cost(query, { ids: ['a', 'b', 'c'] })).toBe(1 + 3 * 1);
    expect(cost(query, { ids: Array.from({ length: 5000 }, () => 'a') })).toBe(1 + 100 * 1);
    expect(cost('{ nodes(ids: ["a", "b"]) { id } }')).toBe(1 + 2);
  });

  it('refuses id lists longer than MAX_PAGE_SIZE', () => {
    const ids = Array.from({ length: 101 }, () => 'a');
    expect(check('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })).toEqual(['Argument "ids" lists 101 ids; the limit is 100 (MAX_PAGE_SIZE).']);
    expect(check('query($ids: [ID!]) { paths(from: "a", to: "b", excludeIds: $ids) { length } }', { ids })).toEqual([
      'Argument "excludeIds" lists 101 ids; the limit is 100 (MAX_PAGE_SIZE).',
    ]);
  });
});
