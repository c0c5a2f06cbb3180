import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Env = Readonly<Record<string, string | undefined>>;

/** `seed/` in the project. */
const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed', import.meta.url));
/** `../shared/seeds` beside the project's root. */
const DEFAULT_DOCUMENTS_DIR = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

/** The seed folder (YAML + documents.json): SEED_DIR, default `seed/` in the project. */
export function seedDirectoryFrom(env: Env = process.env): string {
  return resolve(env['SEED_DIR'] || DEFAULT_SEED_DIR);
}

/** The source documents' folder: SEED_DOCUMENTS_DIR, default `../shared/seeds` beside the project. */
export function documentsDirectoryFrom(env: Env = process.env): string {
  return resolve(env['SEED_DOCUMENTS_DIR'] || DEFAULT_DOCUMENTS_DIR);
}

/** A configured folder does not exist; the message names it and the setting that chose it. */
export class MissingFolderError extends Error {
  override name = 'MissingFolderError';
}

/** Throws MissingFolderError unless `path` is a folder. */
export async function assertFolder(path: string, what: string, setting: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new MissingFolderError(`The ${what} folder ${path} does not exist: set ${setting} to the folder that holds the ${what}.`);
  }
}
