import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPortAnswering } from '../ports.js';

/**
 * What the local launcher records in its data folder while Neo4j runs, so
 * that the CLIs (export, seed, cypher) use the Neo4j the server started
 * instead of starting a second one on the same files.
 */
export interface RunningNeo4j {
  /** Bolt URI on 127.0.0.1. */
  readonly uri: string;
  /** The Neo4j JVM's pid. */
  readonly pid: number;
  /** The Node process that started it (the server or a CLI). */
  readonly ownerPid: number;
  readonly startedAt: string;
}

/** The record's file name inside the data folder (`.neo4j/<NEO4J_LOCAL_DATA_DIR>/`). */
export const RUNNING_FILE = 'running.json';

/** Writes the record once Neo4j answers. */
export async function recordRunningNeo4j(home: string, record: RunningNeo4j): Promise<void> {
  await writeFile(join(home, RUNNING_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/** Removes the record on a clean stop. */
export async function forgetRunningNeo4j(home: string): Promise<void> {
  await rm(join(home, RUNNING_FILE), { force: true });
}

/**
 * The Neo4j running on the data folder `home`, if its record is there, its
 * JVM is alive and its Bolt port answers; a stale record (left by a process
 * killed outright) reads as nothing running.
 */
export async function findRunningNeo4j(home: string): Promise<RunningNeo4j | undefined> {
  let record: RunningNeo4j;
  try {
    record = JSON.parse(await readFile(join(home, RUNNING_FILE), 'utf8')) as RunningNeo4j;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(record.pid) || !isAlive(record.pid)) return undefined;
  const port = Number(/:(\d+)$/.exec(record.uri)?.[1] ?? 0);
  return port > 0 && (await isPortAnswering('127.0.0.1', port)) ? record : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
