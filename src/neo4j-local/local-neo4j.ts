import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureNeo4jJars, LOCAL_NEO4J_DIR } from './fetch-jars.js';
import { assertJava, javaCommand } from './java-tools.js';
import { forgetRunningNeo4j, recordRunningNeo4j } from './running-neo4j.js';
import { assertLocalNeo4jCanStart, explainStartFailure } from './start-conflicts.js';

/** The JVM flags Neo4j's own neo4j.conf ships; without them Java 17 fails with a LinkageError. */
const JVM_FLAGS = [
  '-Xms256m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export interface LocalNeo4jOptions {
  /** The project root holding `neo4j/` and `.neo4j/`. */
  readonly projectRoot: string;
  /** Database folder name under `.neo4j/` (tests use their own). */
  readonly dataDirName?: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  readonly boltPort?: number;
  readonly startTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

/** How a JVM ended: its exit code, or the signal that killed it. */
export type Neo4jExit = { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly pid: number | undefined };

/**
 * A running local Neo4j. `stop()` shuts it down cleanly; `start()` again after a stop (or a crash)
 * reuses the data and the port. `onExit` hears of every exit that `stop()` did not ask for
 * (see supervisor.ts).
 */
export interface LocalNeo4j {
  readonly uri: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
  start(): Promise<void>;
  onExit(listener: (exit: Neo4jExit) => void): void;
}

/**
 * Starts Neo4j Community from Maven Central jars as a child JVM with Bolt on
 * 127.0.0.1 and resolves once Bolt answers. The JVM exits when our end of its
 * stdin closes, so it dies with this process even on SIGKILL.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  await assertJava();
  const lib = await ensureNeo4jJars(options.projectRoot, log);
  const home = localNeo4jHome(options.projectRoot, options.dataDirName);
  await mkdir(home, { recursive: true });
  await assertLocalNeo4jCanStart(home, options.boltPort ?? 0);
  const port = options.boltPort || (await findFreePort());
  const timeout = options.startTimeoutMs ?? 120_000;
  const launcher = join(options.projectRoot, 'neo4j', 'LocalNeo4j.java');
  let child: ChildProcess | undefined;
  const exitListeners: ((exit: Neo4jExit) => void)[] = [];

  const start = async (): Promise<void> => {
    log(`Starting local Neo4j on bolt://127.0.0.1:${port} (data in ${home})...`);
    const proc = spawn(javaCommand(), [...JVM_FLAGS, '-cp', join(lib, '*'), launcher, home, String(port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = proc;
    await waitForReady(proc, timeout, (stderr) => explainStartFailure(stderr, home, port));
    // The record lets the CLIs use this Neo4j rather than start a second one on the same folder.
    await recordRunningNeo4j(home, { uri: `bolt://127.0.0.1:${port}`, pid: proc.pid ?? 0, ownerPid: process.pid, startedAt: new Date().toISOString() });
    proc.once('exit', (code, signal) => {
      if (child !== proc) return; // stop() asked for it
      child = undefined;
      for (const listener of exitListeners) listener({ code, signal, pid: proc.pid });
    });
    log(`Local Neo4j is up (pid ${proc.pid ?? '?'}).`);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    await forgetRunningNeo4j(home);
    // A child killed by a signal has no exit code, only a signal code, and sends no second 'exit'.
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => { resolve(); }));
    proc.stdin?.end();
    const killer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(killer);
  };

  await start();
  return {
    uri: `bolt://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    stop,
    start,
    onExit: (listener) => {
      exitListeners.push(listener);
    },
  };
}

/** The local Neo4j's folder for `dataDirName` (default `data`): `.neo4j/<dataDirName>` under the project. */
export function localNeo4jHome(projectRoot: string, dataDirName = 'data'): string {
  return join(projectRoot, LOCAL_NEO4J_DIR, dataDirName);
}

function waitForReady(proc: ChildProcess, timeoutMs: number, explain: (stderr: string) => Error | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`Local Neo4j did not start within ${timeoutMs} ms. ${stderr.join('\n')}`));
    }, timeoutMs);
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString());
      if (stderr.length > 50) stderr.shift();
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(explain(stderr.join('')) ?? new Error(`Local Neo4j exited with code ${String(code)} before it was ready:\n${stderr.join('')}`));
    });
    const lines = createInterface({ input: proc.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY')) {
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        resolve();
      }
    });
  });
}

/** Asks the OS for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}
