/**
 * Issue #15 item 2: the local Neo4j is supervised. Its JVM is killed under a
 * trickle of queries; the API process (never touched) logs the exit once at
 * error level, restarts Neo4j and answers again, /healthz stays green, and
 * SIGTERM afterwards stops everything within a few seconds. When restarts keep
 * failing, /healthz turns 503 so that an outer supervisor restarts the service.
 * Each test runs its own server process with its own local Neo4j.
 */
import { createServer, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { findFreePort } from '../../src/neo4j-local/local-neo4j.js';
import { isAlive, waitFor } from '../support/processes.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startSupervised(env: Record<string, string>): Promise<{ server: ServerProcess; boltPort: number; jvmPid: () => number | undefined }> {
  const dataDir = `test-supervisor-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const boltPort = await findFreePort();
  const server = await startServerProcess({
    NEO4J_URI: '',
    NEO4J_LOCAL_BOLT_PORT: String(boltPort),
    NEO4J_LOCAL_DATA_DIR: dataDir,
    NEO4J_PROBE_INTERVAL_MS: '250',
    ...env,
  });
  cleanups.push(async () => {
    await server.stop();
    await rm(join(PROJECT_ROOT, '.neo4j', dataDir), { recursive: true, force: true });
  });
  const jvmPid = (): number | undefined => {
    const pids = server.output.flatMap((line) => [.../Local Neo4j (?:is up|restarted)[^"]*\(pid (\d+)\)/.exec(line)?.slice(1) ?? []]);
    return pids.length > 0 ? Number(pids.at(-1)) : undefined;
  };
  return { server, boltPort, jvmPid };
}

const QUERY = JSON.stringify({ query: '{ entities(first: 1) { totalCount } }' });

async function ask(origin: string): Promise<number> {
  try {
    const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

const lines = (server: ServerProcess): { level?: string; msg?: string; signal?: string }[] =>
  server.output.flatMap((line) => {
    try {
      return [JSON.parse(line) as { level?: string; msg?: string; signal?: string }];
    } catch {
      return [];
    }
  });

describe('the supervised local Neo4j', () => {
  it('comes back after its JVM is killed, without touching the API process, and SIGTERM is quick afterwards', async () => {
    const { server, jvmPid } = await startSupervised({});
    const firstJvm = jvmPid();
    expect(firstJvm).toBeDefined();
    expect(await ask(server.origin)).toBe(200);

    // A trickle of queries, 5 per second, throughout.
    const statuses: { at: number; status: number }[] = [];
    let trickling = true;
    const trickle = (async () => {
      while (trickling) {
        statuses.push({ at: Date.now(), status: await ask(server.origin) });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1000));
    const linesBefore = server.output.length;
    const killedAt = Date.now();
    process.kill(firstJvm!, 'SIGKILL');
    const failed = await waitFor(() => statuses.some((s) => s.at > killedAt && s.status === 503), 15_000);
    expect(failed).toBe(true);
    const healthDuringOutage = await fetch(`${server.origin}/healthz`);
    expect(healthDuringOutage.status).toBe(200);

    const recovered = await waitFor(() => statuses.some((s) => s.at > killedAt && s.status === 503) && statuses.at(-1)?.status === 200, 120_000);
    const recoveryMs = Date.now() - killedAt;
    trickling = false;
    await trickle;
    expect(recovered, server.output.slice(-20).join('\n')).toBe(true);
    const outageLines = server.output.length - linesBefore;
    console.info(
      `JVM killed: first 200 again after ${(recoveryMs / 1000).toFixed(1)} s; ${outageLines} log lines meanwhile (${statuses.filter((s) => s.at > killedAt).length} requests: ${JSON.stringify(countBy(statuses.filter((s) => s.at > killedAt).map((s) => s.status)))})`,
    );

    expect(isAlive(server.pid)).toBe(true); // the same API process
    expect(jvmPid()).not.toBe(firstJvm);
    expect(isAlive(jvmPid()!)).toBe(true);
    const exitLines = lines(server).filter((line) => line.msg === 'Local Neo4j exited unexpectedly');
    expect(exitLines).toHaveLength(1);
    expect(exitLines[0]).toMatchObject({ level: 'error', signal: 'SIGKILL' });
    expect(lines(server).filter((line) => line.level === 'error')).toHaveLength(1);
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.origin}/metrics`)).text();
    expect(metrics).toMatch(/^neo4j_unexpected_exits_total 1$/m);
    expect(metrics).toMatch(/^neo4j_restarts_total\{outcome="ok"\} 1$/m);

    // Kill the new JVM too, then stop the service while Neo4j is down: no waiting for an exit that never comes.
    const secondJvm = jvmPid()!;
    process.kill(secondJvm, 'SIGKILL');
    await waitFor(() => !isAlive(secondJvm), 5000);
    const stopping = Date.now();
    await server.stop();
    const stopMs = Date.now() - stopping;
    console.info(`SIGTERM with the JVM already gone: stopped in ${stopMs} ms`);
    expect(stopMs).toBeLessThan(5000);
    expect(isAlive(server.pid)).toBe(false);
  }, 300_000);

  it('gives up after NEO4J_LOCAL_MAX_RESTARTS failed restarts and reports not live on /healthz', async () => {
    const { server, boltPort, jvmPid } = await startSupervised({ NEO4J_LOCAL_MAX_RESTARTS: '2' });
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    const jvm = jvmPid()!;
    process.kill(jvm, 'SIGKILL');
    await waitFor(() => !isAlive(jvm), 5000);
    // Something else takes the Bolt port: every restart fails.
    const squatter: Server = createServer();
    await new Promise<void>((resolve, reject) => {
      squatter.once('error', reject);
      squatter.listen(boltPort, '127.0.0.1', resolve);
    });
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => { resolve(); })));

    const gaveUp = await waitFor(async () => (await fetch(`${server.origin}/healthz`)).status === 503, 200_000);
    expect(gaveUp, server.output.slice(-20).join('\n')).toBe(true);
    const health = (await (await fetch(`${server.origin}/healthz`)).json()) as { status: string; reason: string };
    expect(health).toEqual({ status: 'not live', reason: 'local Neo4j did not stay up after 2 restarts (NEO4J_LOCAL_MAX_RESTARTS=2)' });
    const logged = lines(server);
    expect(logged.filter((line) => line.msg === 'Local Neo4j did not restart')).toHaveLength(2);
    expect(logged.filter((line) => line.level === 'error').map((line) => line.msg)).toEqual([
      'Local Neo4j exited unexpectedly',
      expect.stringMatching(/^Giving up on the local Neo4j/),
    ]);
    const metrics = await (await fetch(`${server.origin}/metrics`)).text();
    expect(metrics).toMatch(/^neo4j_restarts_total\{outcome="failed"\} 2$/m);
    expect(isAlive(server.pid)).toBe(true);
  }, 300_000);
});

function countBy(values: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
