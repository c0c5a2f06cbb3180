import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIRECTORY } from '../../src/bootstrap.js';
import { seedFromDirectory } from '../../src/seed/seed-from-directory.js';
import { isolatedCurationApi, type CurationApi } from '../support/curation-client.js';

// A Neo4j of its own: these tests change the graph, other files count the seed graph.
let api: CurationApi;
let curator: string;
beforeAll(async () => {
  api = await isolatedCurationApi('curation');
  curator = await api.key('curator', 'analyst-one');
}, 240_000);
afterAll(() => api.close());

interface Revision {
  id: string;
  action: string;
  targetId: string;
  version: number;
  actor: string;
  requestId: string;
  reason: string | null;
  before: string | null;
  after: string;
  citations: string[];
}
interface Result {
  batchId: string;
  ids: string[];
  revisions: Revision[];
}

const RESULT = '{ batchId ids revisions { id action targetId version actor requestId reason before after citations } }';
const CURATE = `mutation($operations: [CurationOperationInput!]!, $reason: String) { curate(operations: $operations, reason: $reason) ${RESULT} }`;

// A made-up analyst's note, written for this test (not one of the five documents).
const NOTE_LINES = ['Test note, line one: a fictitious analyst introduced for the curation tests.', 'Line two: the analyst attended the 2018 forum in Vladivostok.', 'Line three: the analyst works for a think tank.'];

async function counts(): Promise<{ entities: number; relationships: number; revisions: number }> {
  const [row] = await api.db.read(
    'test-counts',
    'CALL { MATCH (n:Entity) RETURN count(n) AS entities } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } CALL { MATCH (v:Revision) RETURN count(v) AS revisions } RETURN entities, relationships, revisions',
  );
  return { entities: Number(row?.['entities']), relationships: Number(row?.['relationships']), revisions: Number(row?.['revisions']) };
}

async function history(id: string): Promise<Revision[]> {
  const response = await api.gql<{ history: Revision[] }>(`query($id: String!) { history(id: $id) { id action targetId version actor requestId reason before after citations } }`, { id });
  expect(response.errors).toBeUndefined();
  return response.data?.history ?? [];
}

async function curate(operations: unknown[], reason?: string, token = curator): Promise<{ status: number; result?: Result; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await api.gql<{ curate: Result | null }>(CURATE, { operations, reason }, token);
  return { status: response.status, result: response.data?.curate ?? undefined, errors: response.errors };
}

describe('curating the graph', () => {
  it('adds a source and two cited facts, shows them in a path, retracts one reversibly, and keeps its history', async () => {
    const added = await curate([
      { addSource: { id: 'source-test-note', title: 'A test note', authors: ['Test Author'], publisher: 'Test Desk', date: '2019-01', kind: 'other', lines: NOTE_LINES } },
      { addEntity: { id: 'test-analyst', kind: 'Person', name: 'Test Analyst', citations: [{ source: 'source-test-note', lines: '1' }] } },
      { addRelationship: { type: 'PARTICIPATES_IN', from: 'test-analyst', to: 'eastern-economic-forum-2018', properties: [{ name: 'role', text: 'attendee' }], citations: [{ source: 'source-test-note', lines: '2' }] } },
      { addRelationship: { type: 'AFFILIATED_WITH', from: 'test-analyst', to: 'valdai-discussion-club', citations: [{ source: 'source-test-note', lines: '3' }] } },
    ]);
    expect(added.errors).toBeUndefined();
    expect(added.status).toBe(200);
    const revisions = added.result?.revisions ?? [];
    expect(revisions.map((r) => r.action)).toEqual(['add', 'add', 'add', 'add']);
    expect(revisions[0]?.actor).toMatch(/^key:/);
    const [participation, affiliation] = revisions.slice(2).map((r) => r.targetId);
    expect(revisions[2]?.citations).toEqual(['source-test-note.txt:2']);

    // The new facts are part of the graph: a path from the analyst to Putin runs through the forum.
    const paths = await api.gql<{ paths: { nodes: { key: string }[]; hops: { relationship: { id: string; citations: { reference: string }[] } | null }[] }[] }>(
      '{ paths(from: "test-analyst", to: "vladimir-putin", maxHops: 2) { nodes { key } hops { relationship { id citations { reference } } } } }',
    );
    const viaForum = paths.data?.paths.find((p) => p.nodes.some((n) => n.key === 'eastern-economic-forum-2018'));
    expect(viaForum?.hops[0]?.relationship).toEqual({ id: participation, citations: [{ reference: 'source-test-note.txt:2' }] });

    // Retract one: it disappears from reads, keeps who/when/why in its history.
    const retracted = await api.gql<{ retractRelationship: Result }>(
      `mutation { retractRelationship(input: {id: "${participation}", expectedVersion: 1}, reason: "The note was misread") ${RESULT} }`,
      {},
      curator,
    );
    expect(retracted.errors).toBeUndefined();
    const relationshipsOf = async (): Promise<string[]> => {
      const r = await api.gql<{ entity: { relationships: { edges: { node: { id: string } }[] } } }>('{ entity(id: "test-analyst") { relationships { edges { node { id } } } } }');
      return (r.data?.entity.relationships.edges ?? []).map((e) => e.node.id);
    };
    expect(await relationshipsOf()).toEqual([affiliation]);
    const noPath = await api.gql<{ paths: { nodes: { key: string }[] }[] }>('{ paths(from: "test-analyst", to: "vladimir-putin", maxHops: 2) { nodes { key } } }');
    expect(noPath.data?.paths.some((p) => p.nodes.some((n) => n.key === 'eastern-economic-forum-2018'))).toBe(false);
    const log = await history(participation ?? '');
    expect(log.map((r) => [r.action, r.version, r.reason])).toEqual([
      ['add', 1, null],
      ['retract', 2, 'The note was misread'],
    ]);
    expect(JSON.parse(log[1]?.after ?? '{}')).toMatchObject({ retraction: { reason: 'The note was misread' } });

    // Reversible: reverting the retraction brings it back as it was.
    const reverted = await api.gql<{ revertRevision: Result }>(
      `mutation { revertRevision(input: {revisionId: "${log[1]?.id}"}, reason: "Checked again: it is right") ${RESULT} }`,
      {},
      curator,
    );
    expect(reverted.errors).toBeUndefined();
    expect((await relationshipsOf()).sort()).toEqual([affiliation, participation].sort());
    expect((await history(participation ?? '')).map((r) => r.action)).toEqual(['add', 'retract', 'revert']);
  }, 180_000); // a dozen round trips and two new path plans: 48 s on a loaded CI machine, near the default 60 s

  it('refuses an uncited fact, naming what is missing, and writes nothing', async () => {
    const before = await counts();
    const response = await curate([{ addEntity: { id: 'test-uncited', kind: 'Person', name: 'Nobody' } }]);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('operations[0].addEntity.citations: a fact without a citation');
    const update = await api.gql(`mutation { updateEntity(input: {id: "shinzo-abe", description: "x"}) { batchId } }`, {}, curator);
    expect(update.status).toBe(400);
    expect(update.errors?.[0]?.message).toContain('citations: a fact without a citation');
    const offEnd = await curate([{ addEntity: { id: 'test-far', kind: 'Person', name: 'Far', citations: [{ source: 'source-000', lines: '99999' }] } }]);
    expect(offEnd.status).toBe(400);
    expect(offEnd.errors?.[0]?.message).toContain('run past the end of 000_c5fc82dd9b71dc87.txt');
    expect(await counts()).toEqual(before);
  });

  it('lands a batch from a new source entirely or not at all', async () => {
    const before = await counts();
    const failing = await curate([
      { addSource: { id: 'source-test-batch', title: 'A batch test note', lines: NOTE_LINES } },
      { addEntity: { id: 'test-batch-one', kind: 'Person', name: 'Batch One', citations: [{ source: 'source-test-batch', lines: '1' }] } },
      { addEntity: { id: 'test-batch-two', kind: 'Person', name: 'Batch Two', citations: [{ source: 'source-test-batch', lines: '1-2' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-batch-one', to: 'japan', citations: [{ source: 'source-test-batch', lines: '2' }] } },
      // Fails only once the batch is half written: this entity does not exist.
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-batch-two', to: 'no-such-country', citations: [{ source: 'source-test-batch', lines: '3' }] } },
    ]);
    expect(failing.status).toBe(404);
    expect(failing.errors?.[0]?.message).toBe('operations[4].addRelationship: "to": no entity "no-such-country" (or it is retracted)');
    expect(await counts()).toEqual(before);
    expect(await history('test-batch-one')).toEqual([]);
    expect(await history('source-test-batch')).toEqual([]);

    const fixed = await curate([
      { addSource: { id: 'source-test-batch', title: 'A batch test note', lines: NOTE_LINES } },
      { addEntity: { id: 'test-batch-one', kind: 'Person', name: 'Batch One', citations: [{ source: 'source-test-batch', lines: '1' }] } },
      { addEntity: { id: 'test-batch-two', kind: 'Person', name: 'Batch Two', citations: [{ source: 'source-test-batch', lines: '1-2' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-batch-one', to: 'japan', citations: [{ source: 'source-test-batch', lines: '2' }] } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-batch-two', to: 'russia', citations: [{ source: 'source-test-batch', lines: '3' }] } },
    ]);
    expect(fixed.errors).toBeUndefined();
    expect(await counts()).toEqual({ entities: before.entities + 3, relationships: before.relationships + 2, revisions: before.revisions + 5 });
    expect(new Set(fixed.result?.revisions.map((r) => r.requestId)).size).toBe(1);
    expect((await history('test-batch-one')).map((r) => r.action)).toEqual(['add']);
  });

  it('gives one of two concurrent conflicting edits a conflict error with the current version', async () => {
    const edit = (name: string): Promise<{ status: number; errors?: { message: string; extensions?: Record<string, unknown> }[] }> =>
      api.gql(
        `mutation($name: String!) { updateEntity(input: {id: "g7", expectedVersion: 0, addAliases: [{name: $name}], citations: [{source: "source-000", lines: "9"}]}) { batchId } }`,
        { name },
        curator,
      );
    const results = await Promise.all([edit('Group of 7 (test A)'), edit('Group of 7 (test B)')]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const conflict = results.find((r) => r.status === 409);
    expect(conflict?.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(conflict?.errors?.[0]?.message).toContain('is at version 1, not 0');
    const log = await history('g7');
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]?.before ?? '{}')).toMatchObject({ origin: 'seed', version: 0 });
  });

  it('keeps every curated fact when the seed is loaded again', async () => {
    // A correction of a seed fact, a retracted seed relationship and a curated entity.
    const corrected = await api.gql(
      `mutation { updateEntity(input: {id: "rdif", description: "Test correction of a seed description."}, citations: []) { batchId } }`,
      {},
      curator,
    );
    expect(corrected.status).toBe(400); // `citations` belongs in the input: GraphQL says so
    const fix = await curate([{ updateEntity: { id: 'rdif', description: 'Test correction of a seed description.', citations: [{ source: 'source-001', lines: '58' }] } }]);
    expect(fix.errors).toBeUndefined();
    const [seedRel] = await api.db.read('test-seed-rel', `MATCH (:Entity {id: 'russia'})-[r:OWNS]->(:Entity {id: 'rdif'}) RETURN r.id AS id`);
    const retract = await curate([{ retractRelationship: { id: String(seedRel?.['id']) } }], 'Test: retract a seed relationship');
    expect(retract.errors).toBeUndefined();
    const before = await counts();

    await seedFromDirectory(api.db, SEED_DIRECTORY);

    expect(await counts()).toEqual(before);
    const read = await api.gql<{ entity: { description: string } | null; analyst: { name: string } | null }>(
      '{ entity(id: "rdif") { description } analyst: entity(id: "test-analyst") { name } }',
    );
    expect(read.data).toEqual({ entity: { description: 'Test correction of a seed description.' }, analyst: { name: 'Test Analyst' } });
    const [still] = await api.db.read('test-seed-rel-2', `MATCH ()-[r {id: $id}]->() RETURN count(r) AS n`, { id: seedRel?.['id'] });
    expect(Number(still?.['n'])).toBe(0);
    const [origin] = await api.db.read('test-origin', `MATCH (n:Entity) RETURN collect(DISTINCT n.origin) AS origins`);
    expect((origin?.['origins'] as string[]).sort()).toEqual(['curated', 'seed']);
  });

  it('answers hostile input on every mutation with a clear 4xx error and writes nothing', async () => {
    const before = await counts();
    const injection = "x') DETACH DELETE n //";
    const cite = [{ source: 'source-000', lines: '9' }];
    const cases: [string, unknown[], number, string][] = [
      ['injection-like source id', [{ addSource: { id: injection, title: 'T' } }], 400, 'is not an id'],
      ['source date at no precision', [{ addSource: { id: 'test-bad-date', title: 'T', date: '2016-13' } }], 400, 'is not an ISO date'],
      ['unknown label', [{ addEntity: { id: 'test-wizard', kind: 'Wizard', name: 'W', citations: cite } }], 400, 'Wizard'],
      ['wrong type', [{ addEntity: { id: 'test-number', kind: 'Person', name: 42, citations: cite } }], 400, 'String cannot represent a non string value'],
      ['unknown property', [{ addEntity: { id: 'test-prop', kind: 'Person', name: 'P', properties: [{ name: 'colour', text: 'red' }], citations: cite } }], 400, 'unknown property "colour"'],
      ['closed vocabulary', [{ addEntity: { id: 'test-vocab', kind: 'Company', name: 'C', properties: [{ name: 'kind', text: 'spaceship' }], citations: cite } }], 400, 'not one of company'],
      ['two values for one property', [{ addEntity: { id: 'test-two', kind: 'Event', name: 'E', properties: [{ name: 'date', text: '2016', number: 2016 }], citations: cite } }], 400, 'exactly one of text, number, texts'],
      ['malformed date', [{ addEntity: { id: 'test-date', kind: 'Event', name: 'E', properties: [{ name: 'date', text: '2016-02-30' }], citations: cite } }], 400, 'malformed date'],
      ['injection-like entity id', [{ updateEntity: { id: injection, name: 'X', citations: cite } }], 400, 'is not an id'],
      ['unknown entity', [{ updateEntity: { id: 'test-nobody', name: 'X', citations: cite } }], 404, 'no entity "test-nobody"'],
      ['unknown source', [{ updateEntity: { id: 'japan', name: 'X', citations: [{ source: injection, lines: '1' }] } }], 404, 'no source'],
      ['citation without a place', [{ updateEntity: { id: 'japan', name: 'X', citations: [{ source: 'source-000' }] } }], 400, 'give "lines"'],
      ['unknown relationship type', [{ addRelationship: { type: 'KNOWS', from: 'japan', to: 'russia', citations: cite } }], 400, 'KNOWS'],
      ['endpoint the model forbids', [{ addRelationship: { type: 'HOLDS_OFFICE', from: 'japan', to: 'russia', citations: cite } }], 400, 'HOLDS_OFFICE cannot start at a Country'],
      ['self loop', [{ addRelationship: { type: 'ALLIED_WITH', from: 'japan', to: 'japan', citations: cite } }], 400, 'cannot connect an entity to itself'],
      ['bad relationship id', [{ updateRelationship: { id: injection, setProperties: [{ name: 'role', text: 'x' }], citations: cite } }], 400, 'is not a relationship id'],
      ['retract without a reason', [{ retractEntity: { id: 'japan' } }], 400, 'reason: say why'],
      ['retract an unknown relationship', [{ retractRelationship: { id: 'ffffffffffffffff' } }], 404, 'no relationship'],
      ['restore a live entity', [{ restoreEntity: { id: 'japan' } }], 409, 'is not retracted'],
      ['restore a bad id', [{ restoreRelationship: { id: 'nope' } }], 400, 'is not a relationship id'],
      ['revert an unknown revision', [{ revertRevision: { revisionId: '00000000-0000-0000-0000-000000000000' } }], 404, 'no revision'],
      ['revert a malformed revision id', [{ revertRevision: { revisionId: injection } }], 400, 'is not a revision id'],
      ['an operation with no field', [{}], 400, 'set exactly one of'],
      ['an operation with two fields', [{ retractEntity: { id: 'japan' }, restoreEntity: { id: 'japan' } }], 400, 'set exactly one of'],
      ['an empty batch', [], 400, 'holds no operations'],
      ['a huge batch', Array.from({ length: 101 }, (_, i) => ({ addEntity: { id: `test-huge-${i}`, kind: 'Person', name: 'H', citations: cite } })), 413, 'the limit is 100'],
    ];
    for (const [name, operations, status, message] of cases) {
      const response = await curate(operations, name.includes('reason') ? undefined : 'hostile input test');
      expect(response.status, name).toBe(status);
      expect(response.errors?.[0]?.message, name).toContain(message);
      expect(JSON.stringify(response.errors), name).not.toMatch(/at .*\.ts:\d+|Neo\.|MATCH \(/);
    }
    // A hostile string that is valid data is stored as data, never run.
    const huge = await api.gql(CURATE, { operations: [{ addSource: { id: 'test-big', title: 'x'.repeat(200_000) } }] }, curator);
    expect(huge.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('runs the README worked example as written', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Curating the graph'), readme.indexOf('## Graph explorer'));
    const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks).toHaveLength(5);
    const [addNote = '', newPath = '', retract = '', historyQuery = '', asItWas = ''] = blocks;
    const added = await api.gql<{ curate: { ids: string[] } }>(addNote, {}, curator);
    expect(added.errors).toBeUndefined();
    const relationshipId = added.data?.curate.ids[2] ?? '';
    const path = await api.gql<{ paths: { hops: { relationship: { id: string } | null }[] }[] }>(newPath);
    expect(path.data?.paths.some((p) => p.hops[0]?.relationship?.id === relationshipId)).toBe(true);
    const retracted = await api.gql<{ retractRelationship: { revisions: { at: string }[] } }>(retract, { id: relationshipId }, curator);
    expect(retracted.errors).toBeUndefined();
    const log = await api.gql<{ history: { action: string; at: string }[] }>(historyQuery, { id: relationshipId });
    expect(log.data?.history.map((r) => r.action)).toEqual(['add', 'retract']);
    // As the README says: at the time of the add, the retracted relationship is there, as it was.
    const at = log.data?.history[0]?.at ?? '';
    const then = await api.gql<{ relationship: unknown; entity: unknown }>(asItWas, { id: relationshipId, at });
    expect(then.errors).toBeUndefined();
    expect(then.data).toEqual({
      relationship: {
        type: 'PARTICIPATES_IN',
        from: { name: 'Example Analyst' },
        to: { name: expect.any(String) as string },
        origin: 'CURATED',
        version: 1,
        history: log.data?.history.map(({ action, at: when }) => ({ action, at: when })),
      },
      entity: { name: 'Example Analyst', origin: 'CURATED', history: [{ action: 'add' }] },
    });
    const now = await api.gql<{ relationship: unknown }>('query($id: ID!) { relationship(id: $id) { id } }', { id: relationshipId });
    expect(now.data?.relationship).toBeNull();
  });
});
