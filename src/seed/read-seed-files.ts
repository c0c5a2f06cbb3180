import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A seed file as parsed, before any validation. */
export interface RawSeedFile {
  readonly file: string;
  readonly content: unknown;
}

/** Reads every `*.yaml` file in `directory`, in name order so merges are deterministic. */
export async function readSeedFiles(directory: string): Promise<RawSeedFile[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(directory, name), 'utf8');
      return { file: name, content: parse(text) as unknown };
    }),
  );
}
