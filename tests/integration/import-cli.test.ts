/**
 * `npm run import` as a user runs it: made-up CSV rows (tests/fixtures/import,
 * marked as test data) checked and loaded online into the run's Neo4j (then
 * read back through GraphQL) and in bulk into a fresh local database (read
 * back with `npm run cypher`); files with problems refused line by line with
 * nothing written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { localNeo4jHome } from '../../src/neo4j-local/local-neo4j.js';
import { hasStackTrace, runCliProcess } from '../support/cli-process.js';
import { createTestApp } from '../support/test-app.js';

const CLI = 'src/import/cli.ts';
const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'import');
const NODES = join(FIXTURES, 'nodes.csv');
const RELATIONSHIPS = join(FIXTURES, 'relationships.csv');
/** A relationship to an entity of the seed graph ("japan"): only an online import can resolve it. */
const TO_SEED = join(FIXTURES, 'to-seed.csv');

const neo4j = inject('neo4j');
const ONLINE = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password };
const BULK_DIR = `test-import-${process.pid}`;
const BULK_HOME = localNeo4jHome(PROJECT_ROOT, BULK_DIR);
/** A fresh local data folder: nothing running on it, no NEO4J_URI. */
const BULK = { NEO4J_URI: '', NEO4J_LOCAL_DATA_DIR: BULK_DIR, NEO4J_LOCAL_BOLT_PORT: '0', NEO4J_LOCAL_START_TIMEOUT_MS: '400000' };

const api = createTestApp();
let scratch: string;

async function testRowsInDatabase(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await api.db.read(
    'test-import-count',
    `RETURN COUNT { MATCH (n:Entity) WHERE n.id STARTS WITH 'test-import-' } AS nodes,
            COUNT { MATCH ()-[r]->() WHERE r.id STARTS WITH 'test-import-' } AS relationships`,
  );
  return { nodes: Number(row?.['nodes']), relationships: Number(row?.['relationships']) };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'import-cli-'));
});

afterAll(async () => {
  await api.db.write('test-import-cleanup', (tx) => tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-import-' DETACH DELETE n"));
  await api.close();
  await rm(scratch, { recursive: true, force: true });
  await rm(BULK_HOME, { recursive: true, force: true });
});

describe('npm run import: refusals', () => {
  it('asks for files and a known mode in one line (exit 2)', async () => {
    const none = await runCliProcess(CLI, [], ONLINE);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('npm run import: give --nodes and/or --relationships (CSV files, comma-separated).\n');
    const mode = await runCliProcess(CLI, ['--nodes', NODES, '--mode', 'fast'], ONLINE);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toBe('npm run import: --mode must be one of auto, bulk, online, not "fast".\n');
    const missing = await runCliProcess(CLI, ['--nodes', join(scratch, 'no-such.csv')], ONLINE);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`npm run import: cannot read ${join(scratch, 'no-such.csv')} (ENOENT).\n`);
  });

  it('names the file, line and column of every problem, and writes nothing, not even the good rows', async () => {
    const nodes = join(scratch, 'bad-nodes.csv');
    const relationships = join(scratch, 'bad-relationships.csv');
    await writeFile(nodes, [
      'id:ID(Entity),name,citations:string[],kind,:LABEL',
      'test-import-good,A Good Made-up Row,test-import-fixture.txt:1,company,Company',
      'test-import-uncited,An Uncited Made-up Row,,company,Company',
      'test-import-ship,A Made-up Ship,test-import-fixture.txt:2,,Spaceship',
      'test-import-odd,An Odd Made-up Company,test-import-fixture.txt:3,spaceship-yard,Company',
      '',
    ].join('\n'));
    await writeFile(relationships, [
      ':START_ID(Entity),:END_ID(Entity),id,citations:string[],:TYPE',
      'test-import-good,japan,test-import-bad-r1,test-import-fixture.txt:4,HELD_IN',
      'test-import-good,test-import-nobody,test-import-bad-r2,test-import-fixture.txt:5,SUPPORTS',
      '',
    ].join('\n'));
    const run = await runCliProcess(CLI, ['--nodes', nodes], ONLINE);
    expect(run.code).toBe(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${nodes}:3: column 3 (citations:string[]): no citation: every row must cite where it comes from, e.g. "report.txt:12-14" (several separated by "|")`,
      expect.stringMatching(new RegExp(`^${nodes}:4: column 5 \\(:LABEL\\): "Spaceship" is not one entity kind of the model \\(one of Person, Country, `)),
      `${nodes}:5: column 4 (kind): property "kind" is "spaceship-yard", not one of company, state-company, bank, fund, other`,
      'The import has 3 problems; nothing was written.',
    ]);
    // The ends of relationships are checked against the model and the database once the rows are good.
    await writeFile(join(scratch, 'good-nodes.csv'), 'id:ID(Entity),name,citations:string[],kind,:LABEL\ntest-import-good,A Good Made-up Row,test-import-fixture.txt:1,company,Company\n');
    const checked = await runCliProcess(CLI, ['--nodes', join(scratch, 'good-nodes.csv'), '--relationships', relationships], ONLINE);
    expect(checked.code).toBe(1);
    expect(checked.stderr.trim().split('\n')).toEqual([
      `${relationships}:2: HELD_IN cannot start at a Company ("test-import-good"; allowed: Event)`,
      `${relationships}:3: no entity "test-import-nobody" (the end) in the nodes files or the database`,
      'The import has 2 problems; nothing was written.',
    ]);
    expect(await testRowsInDatabase()).toEqual({ nodes: 0, relationships: 0 });
  }, 120_000);
});

describe('npm run import into a running database (online)', () => {
  const args = ['--nodes', NODES, '--relationships', `${RELATIONSHIPS},${TO_SEED}`];

  it('loads the rows, which the API then serves with their citations and relationships, also to the seed graph', async () => {
    const run = await runCliProcess(CLI, args, ONLINE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Importing online, since NEO4J_URI is set .*\nImported 3 nodes and 4 relationships \(online\) in [\d.]+ s; writing took [\d.]+ s \(\d+ relationships\/s\)\.\n$/);

    const res = await api.gql<{ entity: Record<string, unknown> & { relationships: { edges: { node: Record<string, unknown>; other: { key: string } }[] } } }>(`{
      entity(id: "test-import-person") {
        name aliases { name } citations { document startLine endLine }
        relationships { edges { node { type share role date citations { document startLine } } other { key } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const person = res.data!.entity;
    expect(person['name']).toBe('Test Person (made up)');
    expect(person['aliases']).toEqual([{ name: 'T. Person' }, { name: 'Person T.' }]);
    expect(person['citations']).toEqual([{ document: 'test-import-fixture.txt', startLine: 1, endLine: 1 }]);
    const ties = person.relationships.edges.map((e) => `${String(e.node['type'])}->${e.other.key}`).sort();
    expect(ties).toEqual(['OWNS->test-import-company', 'PARTICIPATES_IN->test-import-project', 'SUPPORTS->japan']);
    const owns = person.relationships.edges.find((e) => e.node['type'] === 'OWNS')!;
    expect(owns.node['share']).toBe(40);
    expect(owns.node['citations']).toEqual([{ document: 'test-import-fixture.txt', startLine: 5 }]);

    const project = await api.gql<{ entity: { description: string; amount: number; currency: string; citations: unknown[] } }>(
      '{ entity(id: "test-import-project") { description ... on Project { amount currency } citations { document page } } }',
    );
    expect(project.data!.entity).toEqual({
      description: 'A made-up project, with a "quoted" word\nand a second line.',
      amount: 12.5,
      currency: 'USD million',
      citations: [{ document: 'test-import-fixture.txt', page: null }, { document: 'test-import-fixture.txt', page: 2 }],
    });
  }, 120_000);

  it('can be run again: MERGE on ids leaves the same graph', async () => {
    const before = await testRowsInDatabase();
    expect(before).toEqual({ nodes: 3, relationships: 4 });
    const run = await runCliProcess(CLI, args, ONLINE);
    expect(run.code).toBe(0);
    expect(await testRowsInDatabase()).toEqual(before);
  }, 120_000);
});

describe('npm run import into an empty local database (bulk)', () => {
  it('uses the bulk importer, refuses to run it twice, and the local Neo4j then holds the rows', async () => {
    // More people, read first: 1,000 without a description (the rows the writer holds back to
    // choose a file's columns), then one with, then the fixture's with aliases, so that Person's
    // rows go to three files with ever wider headers.
    const people = join(scratch, 'more-people.csv');
    const fillers = Array.from({ length: 1000 }, (_, i) => `test-import-filler-${i},Filler Person ${i} (made up),test-import-fixture.txt:9,,Person`);
    await writeFile(people, [
      'id:ID(Entity),name,citations:string[],description,:LABEL',
      ...fillers,
      'test-import-person-3,Third Test Person (made up),test-import-fixture.txt:10,"Made up, with a description the rows before lack.",Person',
    ].join('\n'));
    const run = await runCliProcess(CLI, ['--nodes', `${people},${NODES}`, '--relationships', RELATIONSHIPS], BULK);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Importing 1004 nodes and 3 relationships with Neo4j's bulk importer into ${BULK_HOME} ...\n`);
    expect(run.stdout).toMatch(/Imported 1004 nodes and 3 relationships \(bulk\) in [\d.]+ s/);

    const again = await runCliProcess(CLI, ['--nodes', NODES, '--mode', 'bulk'], BULK);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`npm run import: cannot import in bulk: the local database in ${BULK_HOME} is not empty; the bulk importer only fills an empty one (set NEO4J_LOCAL_DATA_DIR to a new folder name, or import online).\n`);

    const read = await runCliProcess('src/cli/cypher-cli.ts', [
      '--query',
      'MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, [l IN labels(a) WHERE l <> "Entity"][0] AS kind, type(r) AS type, r.validFrom AS validFrom, r.citations AS citations, b.id AS b ORDER BY r.id',
    ], BULK);
    expect(read.code).toBe(0);
    expect(read.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { a: 'test-import-person', kind: 'Person', type: 'OWNS', validFrom: null, citations: ['test-import-fixture.txt:5'], b: 'test-import-company' },
      { a: 'test-import-company', kind: 'Company', type: 'INVESTS_IN', validFrom: '2017-05-01', citations: ['test-import-fixture.txt:6-7'], b: 'test-import-project' },
      { a: 'test-import-person', kind: 'Person', type: 'PARTICIPATES_IN', validFrom: null, citations: ['test-import-fixture.txt:8'], b: 'test-import-project' },
    ]);

    // Every property lands on its own node, whichever row of a file first had its column; a value
    // across two lines and with quotes comes back whole.
    const nodes = await runCliProcess('src/cli/cypher-cli.ts', [
      '--query',
      'MATCH (n:Entity) WHERE NOT n.id STARTS WITH "test-import-filler-" RETURN n.id AS id, [l IN labels(n) WHERE l <> "Entity"][0] AS kind, n.description AS description, n.aliases AS aliases, n.amount AS amount, n.sector AS sector ORDER BY n.id',
    ], BULK);
    expect(nodes.code).toBe(0);
    const none = { description: null, aliases: null, amount: null, sector: null };
    expect(nodes.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { ...none, id: 'test-import-company', kind: 'Company', sector: 'test trading' },
      { ...none, id: 'test-import-person', kind: 'Person', description: 'Synthetic test row, not a real person.', aliases: ['T. Person', 'Person T.'] },
      { ...none, id: 'test-import-person-3', kind: 'Person', description: 'Made up, with a description the rows before lack.' },
      { ...none, id: 'test-import-project', kind: 'Project', description: 'A made-up project, with a "quoted" word\nand a second line.', amount: 12.5, sector: 'test sector' },
    ]);
    const filler = await runCliProcess('src/cli/cypher-cli.ts', [
      '--query',
      'MATCH (n:Person) WHERE n.id STARTS WITH "test-import-filler-" RETURN count(*) AS people, count(n.description) AS described, count(n.name) AS named',
    ], BULK);
    expect(JSON.parse(filler.stdout)).toEqual({ people: 1000, described: 0, named: 1000 });
  }, 600_000);
});
