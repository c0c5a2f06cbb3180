/**
 * Builds the graph explorer's static assets into explorer/dist/: the bundled
 * script (esbuild, from explorer/src/main.ts and its npm dependencies), the
 * stylesheet and the page. Nothing is fetched at run time: the page loads
 * these three files and talks to /graphql only.
 */
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EXPLORER_DIST } from '../src/http/explorer-route.js';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Bundles explorer/src into `outDir` (default explorer/dist). It builds beside
 * it and then swaps the folders, so a running server never serves half a build.
 */
export async function buildExplorer(outDir: string = EXPLORER_DIST): Promise<void> {
  const staging = join(outDir, '..', `.dist-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  try {
    await build({
      entryPoints: [source('./src/main.ts')],
      outfile: join(staging, 'explorer.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome110', 'firefox110', 'safari16'],
      minify: true,
      sourcemap: 'linked',
      legalComments: 'linked',
      logLevel: 'warning',
    });
    await copyFile(source('./static/index.html'), join(staging, 'index.html'));
    await copyFile(source('./static/explorer.css'), join(staging, 'explorer.css'));
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
