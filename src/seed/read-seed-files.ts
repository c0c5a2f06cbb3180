import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A seed file as parsed, before any validation. */
export interface RawSeedFile {
  readonly file: string;
  readonly content: unknown;
  /** Set when the file is not valid YAML; `content` is then undefined. */
  readonly parseError?: string;
}

/** Reads every `*.yaml` file in `directory`, in name order so merges are deterministic. */
export async function readSeedFiles(directory: string): Promise<RawSeedFile[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(directory, name), 'utf8');
      try {
        return { file: name, content: parse(text) as unknown };
      } catch (error) {
        return { file: name, content: undefined, parseError: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
