import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:playground` writes the playground's assets, and where they are served from. */
export const PLAYGROUND_DIST = fileURLToPath(new URL('../../dist/playground/', import.meta.url));

/** The URL path the playground's assets are served under. */
export const PLAYGROUND_ASSETS_PATH = '/playground/assets/';

/** What a build wrote: the content-hashed file names the page shell links to. */
export interface PlaygroundManifest {
  /** Which GraphiQL bundle and build recipe produced the files (a changed key rebuilds). */
  readonly key: string;
  readonly script: string;
  readonly stylesheet: string;
  /** The small script that starts GraphiQL with the page's options. */
  readonly start: string;
  /** Monaco's workers, by the label Monaco asks for. */
  readonly workers: Readonly<Record<'editorWorkerService' | 'json' | 'graphql', string>>;
  /** Every file of the build (the ones above and the fonts the stylesheet names). */
  readonly files: readonly string[];
}

export const MANIFEST_FILE = 'manifest.json';

/** The manifest in `distDir`, or null when the playground has not been built there. */
export function readPlaygroundManifest(distDir: string = PLAYGROUND_DIST): PlaygroundManifest | null {
  try {
    return JSON.parse(readFileSync(join(distDir, MANIFEST_FILE), 'utf8')) as PlaygroundManifest;
  } catch {
    return null;
  }
}
