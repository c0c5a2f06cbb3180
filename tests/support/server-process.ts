import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../src/bootstrap.js';

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly origin: string;
  /** The server process's pid. */
  readonly pid: number;
  /** Everything the process printed, for failure messages. */
  readonly output: readonly string[];
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `src/server.ts` as `npm start` does (real HTTP, real Neo4j from
 * `env`, a free port) and resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>, startTimeoutMs = 90_000): Promise<ServerProcess> {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start within ${startTimeoutMs / 1000} s:\n${output.join('\n')}`));
    }, startTimeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const match = /GraphQL API and GraphiQL at (http:\/\/[^\s"/]+)\/graphql/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${String(code)}:\n${output.join('\n')}`));
    });
  });
  return {
    origin,
    pid: child.pid!,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
