import { describe, expect, it } from 'vitest';
import { getIntrospectionQuery, parse, validate, specifiedRules } from 'graphql';
import { queryLimitsRule } from '../../src/http/query-limits.js';
import { schema } from '../../src/schema/index.js';

const rule = queryLimitsRule({ maxDepth: 5, maxAliases: 3, maxDirectives: 2 });
const check = (query: string): string[] => validate(schema, parse(query), [...specifiedRules, rule]).map((e) => e.message);

describe('query limits', () => {
  it('passes ordinary queries', () => {
    expect(check('{ entity(id: "japan") { name relationships { edges { other { name } } } } }')).toEqual([]);
  });
  it('rejects depth beyond the limit, through fragments too, naming the limit', () => {
    const deep = 'fragment F on Entity { relationships { edges { other { relationships { edges { other { name } } } } } } } { entity(id: "x") { ...F } }';
    expect(check(deep).join()).toMatch(/Query depth \d+ exceeds the limit of 5/);
  });
  it('leaves introspection depth to graphql-js, so that GraphiQL\'s introspection query passes', () => {
    expect(check(getIntrospectionQuery())).toEqual([]);
  });
  it('measures each fragment once: a fragment bomb is rejected in milliseconds', () => {
    let bomb = '{ entity(id: "x") { ...F0 } }\n';
    for (let i = 0; i < 100; i++) bomb += `fragment F${i} on Entity { a${i}: name ...F${i + 1} ...F${i + 1} }\n`;
    bomb += 'fragment F100 on Entity { name }';
    const started = performance.now();
    expect(check(bomb).join()).toMatch(/aliases; the limit is 3/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('rejects alias floods and directive floods', () => {
    expect(check('{ a: entity(id: "x") { name } b: entity(id: "x") { name } c: entity(id: "x") { name } d: entity(id: "x") { name } }').join()).toMatch(/4 aliases; the limit is 3/);
    expect(check('{ entity(id: "x") { name @include(if: true) @skip(if: false) key @include(if: true) } }').join()).toMatch(/3 directives; the limit is 2/);
  });
});
