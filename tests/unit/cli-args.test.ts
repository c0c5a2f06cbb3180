import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/cli-args.js';
import { findRunningNeo4j, RUNNING_FILE } from '../../src/neo4j-local/running-neo4j.js';

const CLI = {
  command: 'npm run thing',
  help: 'Does a thing.',
  options: { format: { type: 'string' }, metrics: { type: 'boolean' } },
} as const;

describe('parseCliArgs', () => {
  it('returns the flags given', () => {
    expect(parseCliArgs(CLI, ['--format', 'gexf', '--metrics'])).toEqual({ format: 'gexf', metrics: true });
  });

  it.each([
    [['--formt', 'gexf'], 'npm run thing: unknown option --formt (`npm run thing -- --help` lists the options).'],
    [['--format'], 'npm run thing: option --format needs a value (`npm run thing -- --help` lists the options).'],
    [['--metrics=yes'], 'npm run thing: option --metrics takes no value (`npm run thing -- --help` lists the options).'],
    [['graph.graphml'], 'npm run thing: unexpected argument graph.graphml (`npm run thing -- --help` lists the options).'],
  ])('turns %j into one line', (argv, message) => {
    expect(() => parseCliArgs(CLI, argv)).toThrow(new UsageError(message));
  });
});

describe('findRunningNeo4j', () => {
  it('reads a live record and ignores a stale one', async () => {
    const home = await mkdtemp(join(tmpdir(), 'running-'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      expect(await findRunningNeo4j(home)).toBeUndefined();
      const live = { uri: `bolt://127.0.0.1:${port}`, pid: process.pid, ownerPid: process.pid, startedAt: new Date().toISOString() };
      await writeFile(join(home, RUNNING_FILE), JSON.stringify(live));
      expect(await findRunningNeo4j(home)).toEqual(live);
      // A pid that no longer exists (a process killed outright) reads as nothing running.
      await writeFile(join(home, RUNNING_FILE), JSON.stringify({ ...live, pid: 2 ** 22 + 1 }));
      expect(await findRunningNeo4j(home)).toBeUndefined();
      // Alive but nothing on the port: not a Neo4j we can use.
      server.close();
      await writeFile(join(home, RUNNING_FILE), JSON.stringify(live));
      expect(await findRunningNeo4j(home)).toBeUndefined();
    } finally {
      server.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
