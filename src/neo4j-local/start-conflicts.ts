import { relative } from 'node:path';
import { isPortFree } from '../ports.js';
import { findRunningNeo4j } from './running-neo4j.js';

/**
 * The local Neo4j cannot start because its data folder or Bolt port is taken;
 * the message is one sentence saying what to do (no Java stack trace).
 */
export class LocalNeo4jConflictError extends Error {
  override name = 'LocalNeo4jConflictError';
}

/**
 * Checks, before a JVM is spawned, that no other Neo4j runs on the data
 * folder `home` (its record in the folder) and that the Bolt port is free.
 */
export async function assertLocalNeo4jCanStart(home: string, boltPort: number): Promise<void> {
  const running = await findRunningNeo4j(home);
  if (running) {
    throw new LocalNeo4jConflictError(
      `The local Neo4j on ${shortPath(home)} is already running (pid ${running.pid}, ${running.uri}, started by process ${running.ownerPid}): ` +
        'stop that server first, or set NEO4J_LOCAL_DATA_DIR to another folder name.',
    );
  }
  if (boltPort > 0 && !(await isPortFree('127.0.0.1', boltPort))) throw boltPortBusy(boltPort);
}

/** Turns the JVM's start-up failure into a conflict sentence when it is one (store lock, port taken). */
export function explainStartFailure(stderr: string, home: string, boltPort: number): LocalNeo4jConflictError | undefined {
  if (/Lock file has been locked by another process|FileLockException|store_lock/i.test(stderr)) {
    return new LocalNeo4jConflictError(
      `The data folder ${shortPath(home)} is locked by another Neo4j process: stop it (the other \`npm start\` or CLI), ` +
        'or set NEO4J_LOCAL_DATA_DIR to another folder name.',
    );
  }
  if (/Address already in use|BindException/i.test(stderr)) return boltPortBusy(boltPort);
  return undefined;
}

function boltPortBusy(port: number): LocalNeo4jConflictError {
  return new LocalNeo4jConflictError(
    `Bolt port ${port} on 127.0.0.1 is already in use (another Neo4j?): stop that process or set NEO4J_LOCAL_BOLT_PORT to a free port.`,
  );
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
