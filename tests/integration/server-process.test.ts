import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { findFreePort } from '../../src/neo4j-local/local-neo4j.js';
import { isAlive } from '../support/processes.js';

/** Starts `src/server.ts` as `npm start` does and resolves with its URL once it listens. */
function startServer(env: Record<string, string>): { child: ChildProcess; url: Promise<string>; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      output.push(line);
      const match = /GraphQL API and GraphiQL at (http:\/\/[^\s"]+\/graphql)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => { reject(new Error(`server exited with ${String(code)}:\n${output.join('\n')}`)); });
  });
  return { child, url, output };
}

describe('the server process (npm start)', () => {
  it('starts its own Neo4j, seeds it, answers GraphQL from Neo4j, and stops Neo4j on SIGTERM', async () => {
    const dataDir = `test-server-${process.pid}`;
    const boltPort = await findFreePort();
    const { child, url } = startServer({ NEO4J_LOCAL_BOLT_PORT: String(boltPort), NEO4J_LOCAL_DATA_DIR: dataDir });
    try {
      const endpoint = await url;
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "vladimir-putin") { name } }' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { entity: { name: string } }; extensions: { neo4j: { roundTrips: number } } };
      expect(body.data.entity.name).toBe('Vladimir Putin');
      expect(body.extensions.neo4j.roundTrips).toBeGreaterThan(0);

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Nothing listens on the Bolt port any more: the JVM is gone.
      const { createConnection } = await import('node:net');
      const refused = await new Promise<boolean>((resolve) => {
        const socket = createConnection({ host: '127.0.0.1', port: boltPort });
        socket.once('connect', () => { socket.destroy(); resolve(false); });
        socket.once('error', () => { resolve(true); });
      });
      expect(refused).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(join(PROJECT_ROOT, '.neo4j', dataDir), { recursive: true, force: true });
    }
  }, 240_000);

  it('reports a bad configuration by name and exits non-zero', async () => {
    const { child, url, output } = startServer({ PORT: 'eighty', NEO4J_URI: 'http://nowhere' });
    await expect(url).rejects.toThrow(/exited with 1/);
    const text = output.join('\n');
    expect(text).toContain('PORT="eighty"');
    expect(text).toContain('NEO4J_URI="http://nowhere"');
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    expect(isAlive(child.pid!)).toBe(false);
  });

  it('tells the user what to install when Java is missing', async () => {
    const { url, output } = startServer({ JAVA_HOME: '/nonexistent-jdk', NEO4J_LOCAL_BOLT_PORT: '0' });
    await expect(url).rejects.toThrow(/exited with 1/);
    expect(output.join('\n')).toMatch(/Java was not found\. Install a JDK 17 or 21 and Maven .*docker compose up --build/);
  });
});
