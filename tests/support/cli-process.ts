import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/bootstrap.js';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of the project's CLIs (`src/...-cli.ts` or `src/export/cli.ts`) as
 * `npm run` does, with `env` added to the test's environment, and collects
 * its output. `input` is written to its stdin (closed either way).
 */
export function runCliProcess(script: string, args: readonly string[], env: Record<string, string> = {}, input = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdin.end(input);
    child.once('error', reject);
    child.once('close', (code) => { resolve({ code, stdout, stderr }); });
  });
}

/** True when `text` looks like a stack trace or a dumped error object rather than a sentence. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.*:\d+:\d+\)|^\s+at [\w.$<>]+ \(|node:internal|Error: .*\n\s+at |\{\s*\n\s*(errno|code):/m.test(text);
}
