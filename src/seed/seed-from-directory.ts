import type { Database } from '../db/database.js';
import { lineCountsOf, readDocumentManifest } from './documents.js';
import { loadSeed, type LoadReport } from './load-seed.js';
import { readSeedFiles } from './read-seed-files.js';
import { formatProblem } from './seed-graph.js';
import { validateSeed } from './validate-seed.js';

/** The seed was rejected; nothing was written. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: readonly string[]) {
    super(`The seed has ${problems.length} problem(s); nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates every file in `seedDirectory` and, only if all is well, loads them. */
export async function seedFromDirectory(db: Database, seedDirectory: string, progress?: (line: string) => void): Promise<LoadReport> {
  const manifest = await readDocumentManifest(seedDirectory);
  const { graph, problems } = validateSeed(await readSeedFiles(seedDirectory), lineCountsOf(manifest));
  if (problems.length > 0) throw new SeedValidationError(problems.map(formatProblem));
  return loadSeed(db, graph, progress);
}

/** True when the database holds no entities yet. */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const rows = await db.read('count-entities', 'MATCH (n:Entity) RETURN count(n) > 0 AS any');
  return rows[0]?.['any'] !== true;
}
