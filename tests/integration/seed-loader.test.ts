import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIRECTORY } from '../../src/bootstrap.js';
import { SeedValidationError, seedFromDirectory } from '../../src/seed/seed-from-directory.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

async function counts(): Promise<{ nodes: number; rels: number; props: number }> {
  const [row] = await api.db.read(
    'test-counts',
    'MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels, sum(size(keys(r))) AS props',
  );
  return { nodes: Number(row!['nodes']), rels: Number(row!['rels']), props: Number(row!['props']) };
}

describe('the seed loader', () => {
  it('changes nothing when run twice', async () => {
    await seedFromDirectory(api.db, SEED_DIRECTORY);
    const before = await counts();
    const report = await seedFromDirectory(api.db, SEED_DIRECTORY);
    expect(await counts()).toEqual(before);
    expect(Object.values(report.nodesByLabel).reduce((a, b) => a + b, 0)).toBe(before.nodes);
  }, 180_000);

  it('rejects a bad seed with one clear error per problem and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bad-seed-'));
    await copyFile(join(SEED_DIRECTORY, 'documents.json'), join(dir, 'documents.json'));
    await writeFile(
      join(dir, 'bad.yaml'),
      `document: 000_c5fc82dd9b71dc87.txt
entities:
  - {id: new-entity-that-must-not-land, type: Person, name: Nobody, cite: ["9"]}
  - {id: Bad_Id, type: Person, name: X, cite: ["9"]}
  - {id: some-wizard, type: Wizard, name: X, cite: ["9"]}
  - {id: dup, type: Person, name: X, cite: ["9"]}
  - {id: dup, type: Person, name: Y, cite: ["9"]}
  - {id: uncited, type: Person, name: X}
  - {id: bad-date, type: Event, name: X, properties: {date: "2016-13-40"}, cite: ["9"]}
  - {id: far-line, type: Person, name: X, cite: ["9999"]}
relationships:
  - {type: KNOWS, from: dup, to: uncited, cite: ["9"]}
  - {type: HOLDS_OFFICE, from: dup, to: nowhere, cite: ["9"]}
`,
    );
    const before = await counts();
    const error = await seedFromDirectory(api.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const problems = (error as SeedValidationError).problems.join('\n');
    expect(problems).toContain('bad.yaml [Bad_Id]: id must be kebab-case');
    expect(problems).toContain('unknown label "Wizard"');
    expect(problems).toContain('bad.yaml [dup]: duplicate id in this file');
    expect(problems).toContain('bad.yaml [uncited]: a fact without a citation');
    expect(problems).toContain('bad.yaml [bad-date]: malformed date in "date"');
    expect(problems).toContain('runs past the end of 000_c5fc82dd9b71dc87.txt');
    expect(problems).toContain('unknown relationship type "KNOWS"');
    expect(problems).toContain('dangling reference: no entity "nowhere"');
    expect(problems).toContain('[new-entity-that-must-not-land]: isolated entity: no relationship connects it');
    expect(problems).toMatch(/\[dup \/ far-line\]: likely duplicate: both go by "x"/);
    expect(await counts()).toEqual(before);
    const rows = await api.db.read('test-probe', `MATCH (n:Entity {id: 'new-entity-that-must-not-land'}) RETURN n`);
    expect(rows).toHaveLength(0);
  });
});
