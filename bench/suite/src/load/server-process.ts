import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SUITE_ROOT } from '../paths.js';
import type { ServerName } from '../workloads/workloads.js';

const ENTRY: Record<ServerName, string> = {
  ours: 'src/servers/ours-server.ts',
  'neo4j-graphql': 'src/servers/neo4j-graphql-server.ts',
  raw: 'src/servers/raw-server.ts',
};

/** A benchmarked server in its own Node process, on a loopback port. */
export interface ServerProcess {
  readonly name: ServerName;
  readonly pid: number;
  readonly baseUrl: string;
  /** Resident memory now and its high-water mark since start, in MiB (from /proc). */
  memory(): Promise<{ rssMiB: number; peakRssMiB: number }>;
  stop(): Promise<void>;
}

/** Starts one server (`node [nodeArgs] --import tsx <entry>`) and resolves when it announces its port. */
export async function startServer(name: ServerName, neo4jUri: string, env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(SUITE_ROOT, ENTRY[name])], {
    cwd: SUITE_ROOT,
    env: { ...process.env, ...env, NEO4J_URI: neo4jUri, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const port = await waitForPort(proc, name);
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`invariant: ${name} server has no pid`);
  return {
    name,
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    memory: () => processMemory(pid),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => { resolve(); }));
      proc.stdin.end();
      const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** VmRSS and VmHWM of a process, in MiB. */
export async function processMemory(pid: number): Promise<{ rssMiB: number; peakRssMiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kb('VmRSS') / 1024, peakRssMiB: kb('VmHWM') / 1024 };
}

function waitForPort(proc: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${name} server did not start within 120 s:\n${stderr.join('')}`));
    }, 120_000);
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString());
      if (stderr.length > 40) stderr.shift();
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited with code ${String(code)}:\n${stderr.join('')}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const match = /^LISTENING (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        resolve(Number(match[1]));
      }
    });
  });
}
