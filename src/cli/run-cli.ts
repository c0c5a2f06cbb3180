import { ConfigError } from '../config.js';
import { MissingToolError } from '../neo4j-local/java-tools.js';
import { LocalNeo4jConflictError } from '../neo4j-local/start-conflicts.js';
import { PortBusyError } from '../ports.js';
import { SeedValidationError } from '../seed/seed-from-directory.js';
import { MissingFolderError } from '../seed/seed-folders.js';
import { UsageError } from './cli-args.js';

/** A failure the user can fix, with a message that says how: printed as is, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Errors whose message is already the sentence to show. */
const EXPLAINED = [CliError, UsageError, ConfigError, MissingToolError, LocalNeo4jConflictError, PortBusyError, MissingFolderError, SeedValidationError];

/** The message to print for an error the user can act on (as is), or undefined for an unexpected one. */
export function explainedMessage(error: unknown): string | undefined {
  return EXPLAINED.some((kind) => error instanceof kind) ? (error as Error).message : undefined;
}

/**
 * Runs a CLI's body the way every CLI here behaves: a closed stdout (`| head`)
 * ends quietly, a usage mistake prints one line and exits 2, an explained
 * failure prints its sentence and exits 1, and anything else prints its
 * message (the stack only with DEBUG=1) — never a bare stack trace.
 */
export async function runCli(command: string, main: () => Promise<void>): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`| head`): stop writing, finish quietly.
    if (error.code === 'EPIPE') stdoutClosed = true;
    else throw error;
  });
  try {
    await main();
  } catch (error) {
    if (isClosedPipe(error)) return;
    process.exitCode = error instanceof UsageError ? 2 : 1;
    const explained = explainedMessage(error);
    if (explained !== undefined) console.error(explained);
    else {
      console.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env['DEBUG'] && error instanceof Error) console.error(error.stack);
    }
  }
}

let stdoutClosed = false;

/** True once stdout's reader has gone away; long outputs stop early. */
export function isStdoutClosed(): boolean {
  return stdoutClosed;
}

/** True for the EPIPE a write to a closed pipe raises. */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}
