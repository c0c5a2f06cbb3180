import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

// Production mode: masked errors, no "Did you mean" suggestions.
const api = createTestApp({ NODE_ENV: 'production' });
afterAll(() => api.close());

interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface Case {
  readonly name: string;
  readonly request: GraphQLRequest | { raw: RawRequest };
  readonly status: number;
  /** extensions.code of the first error; omit for accepted requests and bodiless replies. */
  readonly code?: string;
  /** The first error's message must match: it names the argument or limit and its value. */
  readonly message?: RegExp;
  /** The request is valid: searched or answered with data and no error. */
  readonly accepted?: boolean;
}

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
  readonly ms: number;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function send(request: Case['request']): Promise<Reply> {
  const raw: RawRequest = 'raw' in request ? request.raw : { body: JSON.stringify(request) };
  const started = performance.now();
  const response = await api.app.fetch(`http://localhost${raw.path ?? '/graphql'}`, {
    method: raw.method ?? 'POST',
    headers: raw.headers ?? JSON_HEADERS,
    ...(raw.body !== undefined ? { body: raw.body } : {}),
  });
  const text = await response.text();
  let body: Reply['body'];
  try {
    body = text === '' ? undefined : (JSON.parse(text) as Reply['body']);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body, ms: performance.now() - started };
}

const q = (query: string, variables?: Record<string, unknown>): GraphQLRequest => (variables ? { query, variables } : { query });
const nested = (levels: number): string =>
  `{ entity(id: "japan") { ${'relationships(first: 1) { edges { other { '.repeat(levels)}name${' } } }'.repeat(levels)} } }`;
const aliases = (count: number): string => `{ ${Array.from({ length: count }, (_, i) => `a${i}: entity(id: "japan") { name }`).join(' ')} }`;
const bomb = (levels: number): string => {
  let text = 'query Bomb { entity(id: "japan") { ...F0 } }\n';
  for (let i = 0; i < levels; i++) text += `fragment F${i} on Entity { ...F${i + 1} ...F${i + 1} }\n`;
  return `${text}fragment F${levels} on Entity { name }`;
};
const search = (text: string): GraphQLRequest => q('query($q: String!) { search(query: $q, first: 3) { score entity { key } } }', { q: text });
const entity = (id: string): GraphQLRequest => q('query($id: ID!) { entity(id: $id) { name } }', { id });
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const INJECTION = `japan"}) MATCH (n) DETACH DELETE n //`;
const QUOTE_INJECTION = `' OR 1=1 RETURN n //`;

const BAD_REQUEST = { status: 400, code: 'BAD_REQUEST' } as const;
const BAD_INPUT = { status: 200, code: 'BAD_USER_INPUT' } as const; // a field error: 200 with errors
const BAD_ARGUMENT = { status: 400, code: 'BAD_USER_INPUT' } as const; // an argument bound, checked before execution
const INVALID = { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } as const;
const NOT_AN_ID = /Argument "\w+(?:\.\w+)?" is not (?:an entity id|a global id)/;

const CASES: Case[] = [
  // Shape limits: depth, width, aliases, directives, tokens, cost.
  { name: 'nesting 13 levels deep', request: q(nested(5)), status: 400, code: 'QUERY_TOO_DEEP', message: /Query depth \d+ exceeds the limit of 12 \(MAX_QUERY_DEPTH\)/ },
  {
    name: 'depth hidden in fragments',
    request: q(`fragment R on Entity { relationships(first: 1) { edges { other { ...S } } } } fragment S on Entity { relationships(first: 1) { edges { other { relationships(first: 1) { edges { other { relationships(first: 1) { edges { other { name } } } } } } } } } } { entity(id: "japan") { ...R } }`),
    status: 400, code: 'QUERY_TOO_DEEP', message: /exceeds the limit of 12 \(MAX_QUERY_DEPTH\)/,
  },
  { name: '31 aliases', request: q(aliases(31)), status: 400, code: 'TOO_MANY_ALIASES', message: /31 aliases; the limit is 30 \(MAX_ALIASES\)/ },
  {
    name: 'aliases multiplied through a fragment',
    request: q(`fragment N on Entity { a: name b: key c: name d: key e: name f: key g: name h: key } { x: entity(id: "japan") { ...N } y: entity(id: "russia") { ...N } z: entity(id: "china") { ...N } w: entity(id: "japan") { ...N } }`),
    status: 400, code: 'TOO_MANY_ALIASES', message: /the limit is 30 \(MAX_ALIASES\)/,
  },
  { name: '21 directives', request: q(`{ entity(id: "japan") { ${'name @include(if: true) '.repeat(21)} } }`), status: 400, code: 'TOO_MANY_DIRECTIVES', message: /21 directives; the limit is 20 \(MAX_DIRECTIVES\)/ },
  { name: 'more than 2000 tokens', request: q(`{ ${'__typename '.repeat(2100)} }`), status: 400, code: 'QUERY_TOO_LARGE', message: /more than 2000 tokens, the limit \(MAX_TOKENS\)/ },
  { name: 'wide: 100 fields of one entity', request: q(`{ entity(id: "japan") { ${'name key '.repeat(50)} } }`), status: 200, accepted: true },
  {
    name: 'nested pages of 100 (cost)',
    request: q('{ entities(first: 100) { nodes { relationships(first: 100) { edges { other { relationships(first: 100) { totalCount } } } } } } }'),
    status: 400, code: 'QUERY_TOO_COSTLY', message: /Query cost \d+ exceeds the limit of 50000 \(MAX_QUERY_COST\)/,
  },
  {
    name: 'cost through variables',
    request: q('query($n: Int) { entities(first: $n) { nodes { relationships(first: $n) { edges { other { relationships(first: $n) { totalCount } } } } } } }', { n: 90 }),
    status: 400, code: 'QUERY_TOO_COSTLY', message: /exceeds the limit of 50000 \(MAX_QUERY_COST\)/,
  },
  {
    name: 'cost through variable defaults',
    request: q('query($n: Int = 100) { entities(first: $n) { nodes { relationships(first: $n) { edges { other { relationships(first: $n) { totalCount } } } } } } }'),
    status: 400, code: 'QUERY_TOO_COSTLY', message: /MAX_QUERY_COST/,
  },
  { name: 'a fragment bomb (2^60 spreads)', request: q(bomb(60)), status: 400, code: 'QUERY_TOO_COSTLY', message: /Query cost over 10\^15 exceeds the limit/ },
  { name: 'a cyclic fragment', request: q('fragment A on Entity { ...A } { entity(id: "japan") { ...A } }'), ...INVALID, message: /Cannot spread fragment "A" within itself/ },
  { name: 'mutually cyclic fragments', request: q('fragment A on Entity { ...B } fragment B on Entity { name ...A } { entity(id: "japan") { ...A } }'), ...INVALID, message: /Cannot spread fragment "A" within itself via "B"/ },
  { name: 'deep introspection', request: q('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }'), ...INVALID, message: /Maximum introspection depth exceeded/ },

  // Page sizes, hops and depth: checked before execution, literals and variables alike.
  { name: 'huge first', request: q('{ entities(first: 1000000) { totalCount } }'), ...BAD_ARGUMENT, message: /^Argument "first" is 1000000; the limit is 100$/ },
  { name: 'huge first in a variable', request: q('query($n: Int) { entities(first: $n) { totalCount } }', { n: 5000 }), ...BAD_ARGUMENT, message: /^Argument "first" is 5000; the limit is 100$/ },
  { name: 'first beyond 32 bits', request: q('{ entities(first: 99999999999) { totalCount } }'), ...INVALID, message: /Int cannot represent non 32-bit signed integer value/ },
  { name: 'negative first', request: q('{ entities(first: -1) { totalCount } }'), ...BAD_ARGUMENT, message: /Argument "first" must be a non-negative whole number, got -1/ },
  { name: 'huge last', request: q('{ entities(last: 101) { totalCount } }'), ...BAD_ARGUMENT, message: /Argument "last" is 101; the limit is 100/ },
  { name: 'huge first on nested relationships', request: q('{ entity(id: "japan") { relationships(first: 1000) { totalCount } } }'), ...BAD_ARGUMENT, message: /Argument "first" is 1000; the limit is 100/ },
  { name: 'huge first on search', request: q('{ search(query: "abe", first: 500) { score } }'), ...BAD_ARGUMENT, message: /Argument "first" is 500; the limit is 100/ },
  { name: 'huge first on timeline', request: q('{ timeline(first: 100000) { name } }'), ...BAD_ARGUMENT, message: /Argument "first" is 100000/ },
  { name: 'huge limit on paths', request: q('{ paths(from: "japan", to: "russia", limit: 100000) { length } }'), ...BAD_ARGUMENT, message: /Argument "limit" is 100000; the limit is 100/ },
  { name: 'huge maxHops', request: q('{ paths(from: "japan", to: "russia", maxHops: 99) { length } }'), ...BAD_ARGUMENT, message: /^Argument "maxHops" is 99; it must be a whole number from 1 to 6$/ },
  { name: 'huge maxHops in a variable', request: q('query($h: Int) { paths(from: "japan", to: "russia", maxHops: $h) { length } }', { h: 2147483647 }), ...BAD_ARGUMENT, message: /Argument "maxHops" is 2147483647/ },
  { name: 'maxHops 0', request: q('{ paths(from: "japan", to: "russia", maxHops: 0) { length } }'), ...BAD_ARGUMENT, message: /Argument "maxHops" is 0; it must be a whole number from 1 to 6/ },
  { name: 'neighbourhood depth 10', request: q('{ neighborhood(id: "japan", depth: 10) { nodes { key } } }'), ...BAD_ARGUMENT, message: /^Argument "depth" is 10; it must be a whole number from 1 to 3$/ },
  { name: 'huge neighbourhood limit', request: q('{ neighborhood(id: "japan", limit: 1000000) { nodes { key } } }'), ...BAD_ARGUMENT, message: /Argument "limit" is 1000000/ },
  { name: 'more than 5 quantifiers', request: q(`{ entities(filter: { some: [${'{ type: CLAIMS }, '.repeat(6)}] }) { totalCount } }`), ...BAD_INPUT, message: /Argument "filter.some" has 6 quantifiers; the limit is 5/ },

  // HTTP: malformed bodies, wrong content types and methods (GraphQL over HTTP status codes).
  { name: 'malformed JSON', request: { raw: { body: '{"query": "{ __typename }"' } }, ...BAD_REQUEST, message: /POST body sent invalid JSON/ },
  { name: 'an empty body', request: { raw: { body: '' } }, ...BAD_REQUEST, message: /./ },
  { name: 'a JSON string body', request: { raw: { body: '"{ __typename }"' } }, ...BAD_REQUEST, message: /expected to be object/ },
  { name: 'a JSON array (batching is off)', request: { raw: { body: '[{"query": "{ __typename }"}]' } }, ...BAD_REQUEST, message: /Batching is not supported/ },
  { name: 'query as a number', request: { raw: { body: '{"query": 5}' } }, ...BAD_REQUEST, message: /"query" param to be a string/ },
  { name: 'variables as a string', request: { raw: { body: '{"query": "{ __typename }", "variables": "x"}' } }, ...BAD_REQUEST, message: /"variables" param to be empty or an object/ },
  { name: 'extensions as a string', request: { raw: { body: '{"query": "{ __typename }", "extensions": "x"}' } }, ...BAD_REQUEST, message: /"extensions" param to be empty or an object/ },
  { name: 'no query', request: { raw: { body: '{}' } }, ...BAD_REQUEST, message: /Must provide query string/ },
  { name: 'a syntax error', request: q('{ entity(id: '), status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
  { name: 'text/plain content type', request: { raw: { headers: { 'content-type': 'text/plain', accept: 'application/graphql-response+json' }, body: '{ __typename }' } }, status: 415 },
  { name: 'application/xml content type', request: { raw: { headers: { 'content-type': 'application/xml' }, body: '<query/>' } }, status: 415 },
  { name: 'PUT', request: { raw: { method: 'PUT', body: '{"query": "{ __typename }"}' } }, status: 405, code: 'BAD_REQUEST', message: /only supports GET and POST/ },
  { name: 'only text/html accepted', request: { raw: { headers: { 'content-type': 'application/json', accept: 'text/html' }, body: '{"query": "{ __typename }"}' } }, status: 406 },
  { name: 'a body over MAX_REQUEST_BYTES', request: q('{ __typename }', { pad: 'x'.repeat(200_000) }), status: 413, code: 'REQUEST_ENTITY_TOO_LARGE', message: /too large/ },
  { name: 'an unknown operationName', request: { raw: { body: '{"query": "query A { __typename }", "operationName": "B"}' } }, status: 400, message: /Could not determine what operation to execute/ },
  { name: 'two operations, no operationName', request: q('query A { __typename } query B { __typename }'), status: 400, message: /Could not determine what operation to execute/ },
  { name: 'a GET with a broken query', request: { raw: { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ entity(')}`, headers: { accept: 'application/graphql-response+json' } } }, status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },

  // Schema violations: no suggestions in production.
  { name: 'an unknown field', request: q('{ entity(id: "japan") { nme } }'), ...INVALID, message: /^Cannot query field "nme" on type "Entity"\.$/ },
  { name: 'an unknown argument', request: q('{ entity(id: "japan", idd: "x") { name } }'), ...INVALID, message: /^Unknown argument "idd" on field "Query.entity"\.$/ },
  { name: 'an unknown enum literal', request: q('{ search(query: "abe", types: [Persn]) { score } }'), ...INVALID, message: /^Value "Persn" does not exist in "EntityType" enum\.$/ },
  { name: 'an unknown enum in a variable', request: q('query($t: [EntityType!]) { search(query: "abe", types: $t) { score } }', { t: ['Persn'] }), ...BAD_ARGUMENT, message: /^Variable "\$t" got invalid value "Persn".*\bEntityType\b/ },
  { name: 'a string where an Int goes', request: q('query($n: Int) { entities(first: $n) { totalCount } }', { n: '10; DROP' }), ...BAD_ARGUMENT, message: /Int cannot represent non-integer value/ },

  // Fulltext search: every string is searched or rejected clearly.
  { name: 'search: unbalanced quote', request: search('"northern territories'), status: 200, accepted: true },
  { name: 'search: Lucene operators', request: search('abe AND putin OR NOT -kuril +japan'), status: 200, accepted: true },
  { name: 'search: field syntax', request: search('name:abe AND description:(x'), status: 200, accepted: true },
  { name: 'search: range syntax', request: search('[1 TO 5] {a TO z}'), status: 200, accepted: true },
  { name: 'search: boosts, fuzz and wildcards', request: search('abe^99 putin~5 sh?nz* ~ *'), status: 200, accepted: true },
  { name: 'search: regex syntax', request: search('/.*/ /[a-z]+/'), status: 200, accepted: true },
  { name: 'search: escapes and operators only', request: search('\\ && || ! ( ) { } [ ] ^ " ~ * ? : / + -'), ...BAD_INPUT, message: /Argument "query" query must contain at least one letter or digit/ },
  { name: 'search: empty', request: search(''), ...BAD_INPUT, message: /at least one letter or digit/ },
  { name: 'search: 201 characters', request: search('a'.repeat(201)), ...BAD_INPUT, message: /query is 201 characters long; the limit is 200/ },
  { name: 'search: emoji only', request: search('😀🇯🇵'), ...BAD_INPUT, message: /at least one letter or digit/ },
  { name: 'search: NUL and right-to-left override', request: search('abe\u0000\u202eputin'), status: 200, accepted: true },
  { name: 'search: zero-width joiner inside a word', request: search('shin\u200dzo'), status: 200, accepted: true },
  { name: 'search: lone surrogate', request: search('\ud800abe'), status: 200, accepted: true },
  { name: 'search: combining marks (zalgo)', request: search('Z̴̡̢͓a̷l̸g̶o̵ a̷b̸e̶'), status: 200, accepted: true },
  { name: 'search: full-width letters', request: search('ＡＢＥ'), status: 200, accepted: true },
  { name: 'search: Cypher injection', request: search(`abe') YIELD node DETACH DELETE node //`), status: 200, accepted: true },

  // Ids: invalid global ids and keys are refused by name.
  { name: 'entity: not a key', request: entity('not a key!'), ...BAD_INPUT, message: /Argument "id" is not an entity id/ },
  { name: 'entity: empty id', request: entity(''), ...BAD_INPUT, message: NOT_AN_ID },
  { name: 'entity: 10,000 characters', request: entity('a'.repeat(10_000)), status: 200, accepted: true },
  { name: 'entity: unicode look-alike key', request: entity('јapan'), ...BAD_INPUT, message: NOT_AN_ID },
  { name: 'entity: Cypher injection', request: entity(INJECTION), ...BAD_INPUT, message: NOT_AN_ID },
  { name: 'entity: global id of an unknown type', request: entity(base64('Wizard:merlin')), ...BAD_INPUT, message: NOT_AN_ID },
  { name: 'node: garbage', request: q('query($id: ID!) { node(id: $id) { id } }', { id: '%%%' }), ...BAD_INPUT, message: /Argument "id" is not an entity id/ },
  { name: 'node: global id of an unknown type', request: q('query($id: ID!) { node(id: $id) { id } }', { id: base64('Foo:bar') }), ...BAD_INPUT, message: /is not an entity id/ },
  { name: 'node: path traversal in a global id', request: q('query($id: ID!) { node(id: $id) { id } }', { id: base64('Person:../../etc/passwd') }), ...BAD_INPUT, message: /is not an entity id/ },
  { name: 'nodes: one bad id among good ones', request: q('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [base64('Country:japan'), base64(QUOTE_INJECTION)] }), ...BAD_INPUT, message: /is not an entity id/ },

  // Injection attempts in every other string argument.
  { name: 'source: injection', request: q('query($id: ID!) { source(id: $id) { key } }', { id: `x.txt' OR 1=1 //.txt` }), status: 200, accepted: true },
  { name: 'source: injection in a key', request: q('query($id: ID!) { source(id: $id) { key } }', { id: QUOTE_INJECTION }), ...BAD_INPUT, message: NOT_AN_ID },
  { name: 'paths: injection in from', request: q('query($a: ID!) { paths(from: $a, to: "russia") { length } }', { a: INJECTION }), ...BAD_INPUT, message: /Argument "from" is not an entity id/ },
  { name: 'paths: injection in to', request: q('query($b: ID!) { paths(from: "japan", to: $b) { length } }', { b: QUOTE_INJECTION }), ...BAD_INPUT, message: /Argument "to" is not an entity id/ },
  { name: 'paths: injection in excludeIds', request: q('query($x: [ID!]) { paths(from: "japan", to: "russia", excludeIds: $x) { length } }', { x: ['china', INJECTION] }), ...BAD_INPUT, message: /Argument "excludeIds" is not an entity id/ },
  { name: 'paths: injection in asOf', request: q('query($d: String) { paths(from: "japan", to: "russia", asOf: $d) { length } }', { d: `2016' OR true //` }), ...BAD_INPUT, message: /Argument "asOf" is "2016' OR true \/\/"; expected an ISO date/ },
  { name: 'neighborhood: injection in id', request: q('query($id: ID!) { neighborhood(id: $id) { nodes { key } } }', { id: INJECTION }), ...BAD_INPUT, message: /Argument "id" is not an entity id/ },
  { name: 'timeline: injection in from', request: q('query($f: String) { timeline(from: $f) { name } }', { f: '2016}) RETURN 1 //' }), ...BAD_INPUT, message: /Argument "from" is .*expected an ISO date/ },
  { name: 'timeline: impossible date', request: q('{ timeline(to: "2016-13-45") { name } }'), ...BAD_INPUT, message: /Argument "to" is "2016-13-45"; expected an ISO date/ },
  { name: 'timeline: injection in entityIds', request: q('query($e: [ID!]) { timeline(entityIds: $e) { name } }', { e: [QUOTE_INJECTION] }), ...BAD_INPUT, message: /Argument "entityIds" is not an entity id/ },
  { name: 'interlocks: injection in a', request: q('query($a: ID!) { interlocks(a: $a, b: "russia") { entity { key } } }', { a: INJECTION }), ...BAD_INPUT, message: /Argument "a" is not an entity id/ },
  { name: 'interlocks: same entity twice', request: q('{ interlocks(a: "japan", b: "japan") { entity { key } } }'), ...BAD_INPUT, message: /Argument "b" must differ from "a"/ },
  { name: 'filter: injection in nameContains', request: q('query($s: String) { entities(filter: { nameContains: $s }) { totalCount } }', { s: `') OR true WITH n DETACH DELETE n //` }), status: 200, accepted: true },
  { name: 'filter: injection in ids', request: q('query($i: [ID!]) { entities(filter: { ids: $i }) { totalCount } }', { i: [INJECTION] }), ...BAD_INPUT, message: /Argument "filter.ids" is not an entity id/ },
  { name: 'filter: injection in dateFrom', request: q('query($d: String) { entities(filter: { dateFrom: $d }) { totalCount } }', { d: `2016" OR 1=1` }), ...BAD_INPUT, message: /Argument "filter.dateFrom" is .*expected an ISO date/ },
  { name: 'filter: injection in dateTo', request: q('query($d: String) { entities(filter: { dateTo: $d }) { totalCount } }', { d: '$param' }), ...BAD_INPUT, message: /Argument "filter.dateTo" is "\$param"/ },
  {
    name: 'filter: injection in a target id',
    request: q('query($i: [ID!]) { entities(filter: { some: [{ type: CLAIMS, target: { ids: $i } }] }) { totalCount } }', { i: [QUOTE_INJECTION] }),
    ...BAD_INPUT, message: /Argument "filter.some\[0\].target.ids" is not an entity id/,
  },
  {
    name: 'filter: injection in a target name',
    request: q('query($s: String) { entities(filter: { none: [{ type: CLAIMS, target: { nameContains: $s } }] }) { totalCount } }', { s: `"}]->() DETACH DELETE n //` }),
    status: 200, accepted: true,
  },
  { name: 'cursor: injection in after', request: q('query($c: String) { entities(first: 2, after: $c) { totalCount } }', { c: INJECTION }), ...BAD_INPUT, message: /Argument "after" is not a cursor issued by this connection/ },
  { name: 'cursor: injection in before', request: q('query($c: String) { entities(last: 2, before: $c) { totalCount } }', { c: base64('["x"]) RETURN 1 //", "y"]') }), ...BAD_INPUT, message: /Argument "before" is not a cursor/ },
  { name: 'cursor: forged JSON cursor', request: q('query($c: String) { entities(first: 2, after: $c) { totalCount } }', { c: Buffer.from('[{"$ne":1},"x"]').toString('base64url') }), ...BAD_INPUT, message: /Argument "after" is not a cursor/ },
  { name: 'cursor: injection in relationships after', request: q('query($c: String) { entity(id: "japan") { relationships(after: $c) { totalCount } } }', { c: QUOTE_INJECTION }), ...BAD_INPUT, message: /Argument "after" is not a cursor/ },
];

/** What a client must never see: stack traces, file paths, driver internals, Cypher. */
const LEAKS = [/\n\s+at /, /node_modules/, /\.[jt]s:\d+/, /Neo4jError/, /\bMATCH\s*\(/, /\bRETURN\b.*\bAS\b/, /"stack"/, /"originalError"/, /Did you mean/];

async function normalQueryStillWorks(): Promise<void> {
  const res = await api.gql<{ entity: { name: string } }>('{ entity(id: "japan") { name } }');
  expect(res.status).toBe(200);
  expect(res.data?.entity.name).toBe('Japan');
}

let entitiesBefore = 0;
beforeAll(async () => {
  const [row] = await api.db.read('test-count', 'MATCH (n:Entity) RETURN count(n) AS n');
  entitiesBefore = Number(row!['n']);
});

describe('hostile input', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: a clean answer, and the server still works', async (_name, c) => {
    const reply = await send(c.request);
    expect(reply.status).toBe(c.status);
    expect(reply.ms).toBeLessThan(10_000);
    for (const leak of LEAKS) expect(reply.text).not.toMatch(leak);
    if (c.accepted) {
      expect(reply.body?.errors).toBeUndefined();
      expect(reply.body?.data).toBeDefined();
    } else if (c.message || c.code) {
      const error = reply.body?.errors?.[0];
      expect(error, reply.text).toBeDefined();
      if (c.message) expect(error!.message).toMatch(c.message);
      if (c.code) expect(error!.extensions?.['code']).toBe(c.code);
    }
    await normalQueryStillWorks();
  });

  it('leaves the graph as it was', async () => {
    const [row] = await api.db.read('test-count', 'MATCH (n:Entity) RETURN count(n) AS n');
    expect(Number(row!['n'])).toBe(entitiesBefore);
    await normalQueryStillWorks();
  });
});
