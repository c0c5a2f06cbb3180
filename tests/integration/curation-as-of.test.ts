import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRelationshipById } from '../../src/db/relationship-lookup.js';
import { download } from '../support/export-download.js';
import { isolatedCurationApi, type CurationApi } from '../support/curation-client.js';

// A Neo4j of its own: these tests change the graph, other files count the seed graph.
let api: CurationApi;
let curator: string;
beforeAll(async () => {
  api = await isolatedCurationApi('curation-as-of');
  curator = await api.key('curator', 'analyst-as-of');
}, 240_000);
afterAll(() => api.close());

interface Errors {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function curate(operations: unknown[], reason?: string): Promise<{ ids: string[] } & Errors> {
  const response = await api.gql<{ curate: { ids: string[] } | null }>(
    'mutation($operations: [CurationOperationInput!]!, $reason: String) { curate(operations: $operations, reason: $reason) { ids } }',
    { operations, reason },
    curator,
  );
  expect(response.errors).toBeUndefined();
  return { ids: response.data?.curate?.ids ?? [], ...(response.errors ? { errors: response.errors } : {}) };
}

/** The instant between two writes: revisions record their time in milliseconds. */
async function instantBetween(): Promise<string> {
  await sleep(15);
  const at = new Date().toISOString();
  await sleep(15);
  return at;
}

const NOTE = ['A fictitious note for the asOf tests, line one.', 'Line two: the fictitious envoy met officials in Tokyo.'];

describe('reading the graph as it was (asOf)', () => {
  it('shows an entity, a relationship and a list as they were before later edits and retractions', async () => {
    const beforeAll = await instantBetween();
    const added = await curate([
      { addSource: { id: 'source-as-of-note', title: 'An asOf test note', lines: NOTE } },
      { addEntity: { id: 'test-envoy', kind: 'Person', name: 'Test Envoy', citations: [{ source: 'source-as-of-note', lines: '1' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-envoy', to: 'japan', citations: [{ source: 'source-as-of-note', lines: '2' }] } },
    ]);
    const relationshipId = added.ids[2] ?? '';
    const afterAdd = await instantBetween();
    await curate([{ updateEntity: { id: 'test-envoy', name: 'Test Envoy (renamed)', citations: [{ source: 'source-as-of-note', lines: '2' }] } }]);
    const afterRename = await instantBetween();
    await curate([{ retractRelationship: { id: relationshipId } }], 'Test: the nationality was a guess');
    await curate([{ retractEntity: { id: 'test-envoy' } }], 'Test: the envoy is fictitious');

    const read = await api.gql<Record<string, { name: string } | { id: string; type: string; from: { key: string } } | null>>(
      `query($rel: ID!, $t0: String, $t1: String, $t2: String) {
        now: entity(id: "test-envoy") { name }
        before: entity(id: "test-envoy", asOf: $t0) { name }
        added: entity(id: "test-envoy", asOf: $t1) { name }
        renamed: entity(id: "test-envoy", asOf: $t2) { name }
        relNow: relationship(id: $rel) { id }
        relThen: relationship(id: $rel, asOf: $t1) { id type from { key } }
        relBefore: relationship(id: $rel, asOf: $t0) { id }
      }`,
      { rel: relationshipId, t0: beforeAll, t1: afterAdd, t2: afterRename },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      now: null,
      before: null,
      added: { name: 'Test Envoy' },
      renamed: { name: 'Test Envoy (renamed)' },
      relNow: null,
      relThen: { id: relationshipId, type: 'NATIONAL_OF', from: { key: 'test-envoy' } },
      relBefore: null,
    });

    // A seed entity nobody curated reads the same with or without asOf.
    const seed = await api.gql<{ a: unknown; b: unknown }>(`{ a: entity(id: "shinzo-abe") { name description } b: entity(id: "shinzo-abe", asOf: "${afterAdd}") { name description } }`);
    expect(seed.data?.a).toEqual(seed.data?.b);

    // Lists: the people named "Test Envoy..." as the graph held them then, in name order, and now.
    const people = async (asOf: string): Promise<{ nodes: { key: string; name: string }[]; totalCount: number }> => {
      const r = await api.gql<{ people: { nodes: { key: string; name: string }[]; totalCount: number } }>(
        `query($asOf: String) { people(first: 100, after: null, asOf: $asOf) { totalCount nodes { key name } } }`,
        { asOf },
      );
      expect(r.errors).toBeUndefined();
      return r.data?.people ?? { nodes: [], totalCount: -1 };
    };
    const then = await people(afterRename);
    const now = await people(new Date().toISOString());
    expect(then.nodes.filter((n) => n.key === 'test-envoy')).toEqual([{ key: 'test-envoy', name: 'Test Envoy (renamed)' }]);
    expect(now.nodes.some((n) => n.key === 'test-envoy')).toBe(false);
    expect(then.totalCount).toBe(now.totalCount + 1);
    const names = then.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('pages a list asOf with cursors that neither skip nor repeat', async () => {
    const at = new Date().toISOString();
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const r: { data?: { countries: { nodes: { key: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } = await api.gql(
        `query($after: String, $at: String) { countries(first: 7, after: $after, asOf: $at) { nodes { key } pageInfo { hasNextPage endCursor } } }`,
        { after, at },
      );
      seen.push(...(r.data?.countries.nodes ?? []).map((n) => n.key));
      if (!r.data?.countries.pageInfo.hasNextPage) break;
      after = r.data.countries.pageInfo.endCursor;
    }
    const all = await api.gql<{ countries: { nodes: { key: string }[] } }>('{ countries(first: 100) { nodes { key } } }');
    expect(seen).toEqual(all.data?.countries.nodes.map((n) => n.key));
  });

  it('refuses what asOf cannot answer, naming the argument', async () => {
    // Nullable fields answer null beside the error (200, as for every argument error on them).
    const cases: [string, string][] = [
      ['{ entity(id: "japan", asOf: "yesterday") { name } }', 'Argument "asOf" is "yesterday"'],
      ['{ people(asOf: "2026-01-01", filter: { nameContains: "Abe" }) { nodes { key } } }', 'Argument "filter" cannot be combined with "asOf"'],
      ['{ people(asOf: "2026-01-01", orderBy: NAME_DESC) { nodes { key } } }', 'Argument "orderBy" must be NAME_ASC with "asOf"'],
      ['{ people(asOf: "2026-01-01") { aggregate { count } } }', 'Argument "asOf" cannot be combined with "aggregate"'],
    ];
    for (const [query, message] of cases) {
      const r = await api.gql(query);
      expect(r.status, query).toBe(200);
      expect(r.errors?.[0]?.message, query).toContain(message);
      expect(r.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
  });
});

describe('history, version and origin on entities and relationships', () => {
  it('shows each fact its own history, batched into one query for a whole list', async () => {
    const added = await curate([
      { addEntity: { id: 'test-historian', kind: 'Person', name: 'Test Historian', citations: [{ source: 'source-000', lines: '5' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-historian', to: 'russia', citations: [{ source: 'source-000', lines: '5' }] } },
    ]);
    await curate([{ updateEntity: { id: 'test-historian', description: 'A fictitious historian for the history test.', citations: [{ source: 'source-000', lines: '6' }] } }]);
    const read = await api.gql<{ entity: { version: number; origin: string; history: { action: string; version: number }[]; relationships: { edges: { node: { id: string; origin: string; version: number; history: { action: string }[] } }[] } } }>(
      '{ entity(id: "test-historian") { version origin history { action version } relationships { edges { node { id origin version history { action } } } } } }',
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.entity).toEqual({
      version: 2,
      origin: 'CURATED',
      history: [
        { action: 'add', version: 1 },
        { action: 'update', version: 2 },
      ],
      relationships: { edges: [{ node: { id: added.ids[1], origin: 'CURATED', version: 1, history: [{ action: 'add' }] } }] },
    });
    const seed = await api.gql<{ entity: { origin: string; version: number; history: unknown[] } }>('{ entity(id: "vladimir-putin") { origin version history { id } } }');
    expect(seed.data?.entity).toEqual({ origin: 'SEED', version: 0, history: [] });

    // Round trips grow with depth, not width: 5 or 50 people cost the same.
    const trips = async (n: number): Promise<number> => {
      const r = await api.gql(`{ people(first: ${n}) { nodes { key history { action } } } }`);
      expect(r.errors).toBeUndefined();
      return (r.extensions as { neo4j: { roundTrips: number } }).neo4j.roundTrips;
    };
    const five = await trips(5);
    expect(await trips(50)).toBe(five);
    expect(five).toBeLessThanOrEqual(2);
  });
});

describe('citations of sources without lines', () => {
  it('shows the page and the quote the curator gave', async () => {
    await curate([
      { addSource: { id: 'source-as-of-printed', title: 'A printed test leaflet', kind: 'other' } },
      {
        addEntity: {
          id: 'test-leaflet-author',
          kind: 'Person',
          name: 'Test Leaflet Author',
          citations: [{ source: 'source-as-of-printed', page: 3, quote: 'a fictitious sentence & a "quoted" word' }, { source: 'source-as-of-printed', page: 7 }],
        },
      },
    ]);
    const r = await api.gql<{ entity: { citations: unknown[] } }>('{ entity(id: "test-leaflet-author") { citations { document startLine endLine page quote reference source { name } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.entity.citations).toEqual([
      {
        document: 'source-as-of-printed.txt',
        startLine: null,
        endLine: null,
        page: 3,
        quote: 'a fictitious sentence & a "quoted" word',
        reference: 'source-as-of-printed.txt#page=3&quote=a%20fictitious%20sentence%20%26%20a%20%22quoted%22%20word',
        source: { name: 'A printed test leaflet' },
      },
      { document: 'source-as-of-printed.txt', startLine: null, endLine: null, page: 7, quote: null, reference: 'source-as-of-printed.txt#page=7', source: { name: 'A printed test leaflet' } },
    ]);
  });
});

describe('quotes from sources added with their text', () => {
  it('quotes the cited lines of a curated source on entities and relationships, as for the seed documents', async () => {
    const lines = ['Title line of a fictitious memo.', 'The fictitious attaché served in Vladivostok.', 'A closing line.'];
    const added = await curate([
      { addSource: { id: 'source-as-of-memo', title: 'A fictitious memo', lines } },
      { addEntity: { id: 'test-attache', kind: 'Person', name: 'Test Attaché', citations: [{ source: 'source-as-of-memo', lines: '2' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-attache', to: 'russia', citations: [{ source: 'source-as-of-memo.txt', lines: '2-3' }] } },
    ]);
    const r = await api.gql<{ entity: { citations: unknown[] }; relationship: { citations: unknown[] }; seed: { citations: { quote: string | null }[] } }>(
      `query($rel: ID!) {
        entity(id: "test-attache") { citations { reference quote } }
        relationship(id: $rel) { citations { reference quote } }
        seed: entity(id: "vladimir-putin") { citations { quote } }
      }`,
      { rel: added.ids[2] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.entity.citations).toEqual([{ reference: 'source-as-of-memo.txt:2', quote: lines[1] }]);
    expect(r.data?.relationship.citations).toEqual([{ reference: 'source-as-of-memo.txt:2-3', quote: `${lines[1]}\n${lines[2]}` }]);
    // The seed documents' quotes are unchanged.
    expect(r.data?.seed.citations[0]?.quote).toEqual(expect.any(String));
  });
});

describe('finding a relationship by id', () => {
  it('seeks the per-type id indexes instead of scanning every relationship (PROFILE)', async () => {
    const [row] = await api.db.read('test-any-relationship', 'MATCH ()-[r:PARTICIPATES_IN]->() RETURN r.id AS id LIMIT 1');
    const session = api.db.driver.session({ database: 'neo4j' });
    try {
      const result = await session.run(`PROFILE ${matchRelationshipById('$id')} RETURN r.id AS id`, { id: row?.['id'] });
      expect(result.records.map((r) => r.get('id') as string)).toEqual([row?.['id']]);
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }): void => {
        operators.push(plan.operatorType);
        for (const child of plan.children) walk(child as { operatorType: string; children: unknown[] });
      };
      const profile = result.summary.profile;
      if (!profile) throw new Error('no profile');
      walk(profile);
      expect(operators.some((op) => op.includes('RelationshipIndexSeek'))).toBe(true);
      expect(operators.filter((op) => /AllRelationshipsScan|RelationshipTypeScan|AllNodesScan/.test(op))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('exports by origin', () => {
  it('marks every node and edge seed or curated, and exports only one origin when asked', async () => {
    await curate([
      { addEntity: { id: 'test-exported-one', kind: 'Person', name: 'Test Exported One', citations: [{ source: 'source-000', lines: '5' }] } },
      { addEntity: { id: 'test-exported-two', kind: 'Person', name: 'Test Exported Two', citations: [{ source: 'source-000', lines: '5' }] } },
      { addRelationship: { type: 'ADVISES', from: 'test-exported-one', to: 'test-exported-two', citations: [{ source: 'source-000', lines: '5' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-exported-one', to: 'japan', citations: [{ source: 'source-000', lines: '5' }] } },
    ]);
    type NodeLink = { nodes: { id: string; origin: string }[]; edges: { source: string; target: string; origin: string }[] };
    const read = async (query: string): Promise<NodeLink> => {
      const res = await download(api.app, `/export/node-link${query}`);
      expect(res.status, query).toBe(200);
      return JSON.parse(res.text) as NodeLink;
    };
    const all = await read('');
    expect(all.nodes.find((n) => n.id === 'test-exported-one')?.origin).toBe('curated');
    expect(all.nodes.find((n) => n.id === 'japan')?.origin).toBe('seed');
    expect(all.edges.every((e) => e.origin === 'seed' || e.origin === 'curated')).toBe(true);

    const curated = await read('?origin=curated');
    expect(curated.nodes.every((n) => n.origin === 'curated')).toBe(true);
    expect(curated.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['test-exported-one', 'test-exported-two']));
    // The tie to Japan is curated, but Japan is a seed entity: an edge needs both ends kept.
    expect(curated.edges.map((e) => [e.source, e.target])).toContainEqual(['test-exported-one', 'test-exported-two']);
    expect(curated.edges.some((e) => e.target === 'japan')).toBe(false);

    const seed = await read('?origin=seed');
    expect(seed.nodes.some((n) => n.id.startsWith('test-exported'))).toBe(false);
    expect(seed.nodes.length + curated.nodes.length).toBe(all.nodes.length);

    const bad = await download(api.app, '/export/node-link?origin=retracted');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('"parameter":"origin"');
  });
});
