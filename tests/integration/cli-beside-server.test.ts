/**
 * The usual case: `npm start` is running (here: the server process with its
 * own local Neo4j on a fresh data folder, seeded at start), and the user runs
 * the CLIs beside it. They must use the server's Neo4j, not start a second
 * one on the same files; conflicts get one sentence, never a Java stack trace.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SEED_DIRECTORY } from '../../src/bootstrap.js';
import { localNeo4jHome } from '../../src/neo4j-local/local-neo4j.js';
import { RUNNING_FILE, type RunningNeo4j } from '../../src/neo4j-local/running-neo4j.js';
import { hasStackTrace, runCliProcess } from '../support/cli-process.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const DATA_DIR = `test-beside-${process.pid}`;
const OTHER_DATA_DIR = `test-beside-other-${process.pid}`;
const HOME = localNeo4jHome(PROJECT_ROOT, DATA_DIR);
/** The environment of `npm start` and of the CLIs beside it: no NEO4J_URI, the same data folder. */
const LOCAL = {
  NEO4J_URI: '',
  NEO4J_LOCAL_DATA_DIR: DATA_DIR,
  NEO4J_LOCAL_BOLT_PORT: '0',
  // The seed is one write transaction; on a busy shared machine it can outlast the 10 s default.
  QUERY_TIMEOUT_MS: '120000',
  NEO4J_LOCAL_START_TIMEOUT_MS: '400000',
};

let server: ServerProcess;
let running: RunningNeo4j;

/** A small seed folder (the smallest document's file), so that loading it fits Neo4j's 60 s transaction limit on a busy machine. */
let smallSeed: string;

beforeAll(async () => {
  smallSeed = await mkdtemp(join(tmpdir(), 'small-seed-'));
  const files = await Promise.all((await readdir(SEED_DIRECTORY)).filter((name) => name.endsWith('.yaml'))
    .map(async (name) => ({ name, size: (await stat(join(SEED_DIRECTORY, name))).size })));
  const smallest = files.sort((a, b) => a.size - b.size)[0]!.name;
  await cp(join(SEED_DIRECTORY, smallest), join(smallSeed, smallest));
  await cp(join(SEED_DIRECTORY, 'documents.json'), join(smallSeed, 'documents.json'));
  // A cold local Neo4j: slow on a busy two-core machine. The seed is loaded by the seed CLI, beside it.
  server = await startServerProcess({ ...LOCAL, SEED_ON_START: 'false' }, 460_000);
  running = JSON.parse(await readFile(join(HOME, RUNNING_FILE), 'utf8')) as RunningNeo4j;
}, 480_000);

afterAll(async () => {
  await server?.stop();
  await rm(HOME, { recursive: true, force: true });
  await rm(smallSeed, { recursive: true, force: true });
  await rm(localNeo4jHome(PROJECT_ROOT, OTHER_DATA_DIR), { recursive: true, force: true });
});

/** Runs the server entry point as a second `npm start` would and returns what it printed. */
function secondServer(env: Record<string, string>) {
  return runCliProcess('src/server.ts', [], { HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'false', ...env });
}

describe('CLIs beside a running server (in this order: seed, then the rest)', () => {
  it('the seed CLI loads into the server\'s Neo4j and prints titled counts', async () => {
    const run = await runCliProcess('src/seed/cli.ts', [], { ...LOCAL, SEED_DIR: smallSeed });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Seed loaded from ${smallSeed}: `);
    expect(run.stdout).toMatch(/: [1-9]\d* nodes, [1-9]\d* relationships/);
    expect(run.stdout).toContain('\nNodes per label:\n  ');
    expect(run.stdout).toContain('\nRelationships per type:\n  ');
    expect(run.stdout).not.toContain('Starting local Neo4j');
  }, 400_000);

  it('the export CLI writes the same GraphML as GET /export/graphml, through the server\'s Neo4j', async () => {
    const file = join(HOME, 'cli.graphml');
    const run = await runCliProcess('src/export/cli.ts', ['--format', 'graphml', '--out', file], LOCAL);
    expect(run.stderr).toContain(`Using the local Neo4j already running at ${running.uri} (pid ${running.pid}`);
    expect(run.stderr).not.toContain('Starting local Neo4j');
    expect(run.code).toBe(0);
    const fromHttp = await (await fetch(`${server.origin}/export/graphml`)).text();
    expect(fromHttp).toContain('<graphml');
    expect(fromHttp).toMatch(/<node id="[^"]+"/); // the seed loaded above
    expect(await readFile(file, 'utf8')).toBe(fromHttp);
  }, 120_000);

  it('the cypher CLI answers from the same graph the API serves', async () => {
    const run = await runCliProcess('src/cli/cypher-cli.ts', ['--query', 'MATCH (n:Entity) RETURN count(n) AS entities'], LOCAL);
    expect(run.code).toBe(0);
    const body = (await (await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entities(first: 1) { totalCount } }' }),
    })).json()) as { data: { entities: { totalCount: number } } };
    expect(JSON.parse(run.stdout)).toEqual({ entities: body.data.entities.totalCount });
    expect(run.stderr).toMatch(/1 row in \d+ ms/);
  }, 120_000);

  it('a closed pipe (`--out - | head`) ends the export quietly', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/export/cli.ts', '--format', 'csv-edges', '--out', '-'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...LOCAL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    // Read the first chunk, then hang up as `head` does.
    child.stdout.once('data', () => { child.stdout.destroy(); });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 120_000);
});

describe('a second server', () => {
  it('on the same data folder is refused in one sentence, before any JVM starts', async () => {
    const run = await secondServer(LOCAL);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `The local Neo4j on .neo4j/${DATA_DIR} is already running (pid ${running.pid}, ${running.uri}, started by process ${running.ownerPid}): ` +
        'stop that server first, or set NEO4J_LOCAL_DATA_DIR to another folder name.\n',
    );
  }, 60_000);

  it('on a busy API port is refused in one sentence before Neo4j starts', async () => {
    const port = new URL(server.origin).port;
    const run = await secondServer({ ...LOCAL, NEO4J_LOCAL_DATA_DIR: OTHER_DATA_DIR, PORT: port });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Starting local Neo4j');
    expect(run.stderr).toBe(`Port ${port} on 127.0.0.1 is already in use (another \`npm start\`?): stop that process or set PORT to a free port.\n`);
  }, 60_000);

  it('on a busy Bolt port is refused in one sentence', async () => {
    const boltPort = new URL(running.uri).port;
    const run = await secondServer({ ...LOCAL, NEO4J_LOCAL_DATA_DIR: OTHER_DATA_DIR, NEO4J_LOCAL_BOLT_PORT: boltPort });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Bolt port ${boltPort} on 127.0.0.1 is already in use (another Neo4j?): stop that process or set NEO4J_LOCAL_BOLT_PORT to a free port.\n`);
  }, 60_000);

  it('on a data folder locked by a Neo4j that left no record gets one sentence, not the Java trace', async () => {
    // As when the folder's Neo4j was started by something that does not write the record.
    const record = join(HOME, RUNNING_FILE);
    await rename(record, `${record}.aside`);
    try {
      const run = await secondServer(LOCAL);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `The data folder .neo4j/${DATA_DIR} is locked by another Neo4j process: stop it (the other \`npm start\` or CLI), ` +
          'or set NEO4J_LOCAL_DATA_DIR to another folder name.\n',
      );
      expect(hasStackTrace(run.stderr)).toBe(false);
    } finally {
      await rename(`${record}.aside`, record);
    }
  }, 420_000);
});

describe('stopping the server', () => {
  it('ends with a "Stopped." line and removes the record', async () => {
    await server.stop();
    expect(JSON.parse(server.output.at(-1) ?? '{}')).toMatchObject({ msg: 'Stopped.' });
    await expect(stat(join(HOME, RUNNING_FILE))).rejects.toThrow();
  }, 60_000);
});
