/**
 * What a newcomer meets at the command line, before any Neo4j is involved:
 * --help, a mistyped flag, a missing folder, a seed with several problems.
 * Each answer is a sentence (or the help), never a stack trace.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIRECTORY } from '../../src/bootstrap.js';
import { hasStackTrace, runCliProcess } from '../support/cli-process.js';

const CLIS = {
  'npm run export': 'src/export/cli.ts',
  'npm run import': 'src/import/cli.ts',
  'npm run seed': 'src/seed/cli.ts',
  'npm run seed:check': 'src/seed/check-cli.ts',
  'npm run seed:report': 'src/seed/report-cli.ts',
  'npm run cypher': 'src/cli/cypher-cli.ts',
  'npm run schema:print': 'src/schema/print-cli.ts',
  'npm run neo4j:fetch': 'src/neo4j-local/fetch-cli.ts',
  'npm run build:explorer': 'explorer/build-cli.ts',
} as const;

describe('every CLI', () => {
  for (const [command, script] of Object.entries(CLIS)) {
    it(`${command} -- --help prints its usage and does nothing else`, async () => {
      const run = await runCliProcess(script, ['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -- \\[options\\]\\n\\n\\S`));
      expect(run.stderr).toBe('');
    });

    it(`${command} rejects an unknown flag in one line`, async () => {
      const run = await runCliProcess(script, ['--no-such-flag']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${command}: unknown option --no-such-flag (\`${command} -- --help\` lists the options).\n`);
    });
  }

  it('export names a missing required flag and a bad value in one line', async () => {
    const missing = await runCliProcess(CLIS['npm run export'], ['--format', 'graphml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('npm run export: --out is required (a file name, or - for stdout).\n');
    const bad = await runCliProcess(CLIS['npm run export'], ['--format', 'pdf', '--out', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^npm run export: --format: /);
  });
});

describe('npm run seed:check', () => {
  let seedDir: string;
  beforeAll(async () => {
    seedDir = await mkdtemp(join(tmpdir(), 'seed-check-'));
    await cp(join(SEED_DIRECTORY, 'documents.json'), join(seedDir, 'documents.json'));
    const manifest = JSON.parse(await readFile(join(SEED_DIRECTORY, 'documents.json'), 'utf8')) as { fileName: string; lines: number }[];
    const document = manifest[0]!;
    // One entity with three problems: a bad id, an unknown label and a citation past the document's end.
    await writeFile(join(seedDir, 'broken.yaml'), [
      `document: ${document.fileName}`,
      'entities:',
      '  - id: Not_Kebab',
      '    type: Spaceship',
      '    name: Something',
      `    cite: ["${document.lines + 5}-${document.lines + 6}"]`,
      'relationships: []',
      '',
    ].join('\n'));
  });
  afterAll(async () => {
    await rm(seedDir, { recursive: true, force: true });
  });

  it('reports every problem of an entity and names the folders it read', async () => {
    const run = await runCliProcess(CLIS['npm run seed:check'], [], { SEED_DIR: seedDir });
    expect(run.code).toBe(1);
    const problems = run.stderr.trim().split('\n');
    expect(problems).toEqual([
      expect.stringMatching(/^broken\.yaml \[Not_Kebab\]: id must be kebab-case/),
      'broken.yaml [Not_Kebab]: unknown label "Spaceship"',
      expect.stringMatching(/^broken\.yaml \[Not_Kebab\]: citation ".*" runs past the end of /),
    ]);
    expect(run.stdout).toContain(`Checked the seed in ${seedDir} against the documents in `);
    expect(run.stdout).toMatch(/0 entities, 0 relationships, 3 problems\.\n$/);
  });

  it('says in one sentence that the documents folder is missing', async () => {
    const run = await runCliProcess(CLIS['npm run seed:check'], [], { SEED_DOCUMENTS_DIR: '/nonexistent/documents' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('The source documents folder /nonexistent/documents does not exist: set SEED_DOCUMENTS_DIR to the folder that holds the source documents.\n');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('says in one sentence that the seed folder is missing', async () => {
    const run = await runCliProcess(CLIS['npm run seed:check'], [], { SEED_DIR: '/nonexistent/seed' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('The seed folder /nonexistent/seed does not exist: set SEED_DIR to the folder that holds the seed.\n');
  });

  it('passes on the committed seed', async () => {
    const run = await runCliProcess(CLIS['npm run seed:check'], []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Checked the seed in .*seed against the documents in .*: \d+ entities, \d+ relationships, 0 problems\.\n$/);
  });
});
