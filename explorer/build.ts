/**
 * Builds the graph explorer's static assets into explorer/dist/: the bundled
 * script (esbuild, from explorer/src/main.ts and its npm dependencies), the
 * stylesheet (both under content-hashed names) and the page that names them. Nothing is fetched at run time: the page loads
 * these three files and talks to /graphql only.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
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
    // Content-hashed names (explorer.<hash>.js/.css): the server lets browsers keep them for a year.
    const result = await build({
      entryPoints: { explorer: source('./src/main.ts') },
      outdir: staging,
      entryNames: '[name].[hash]',
      metafile: true,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome110', 'firefox110', 'safari16'],
      minify: true,
      sourcemap: 'linked',
      legalComments: 'linked',
      logLevel: 'warning',
    });
    const script = Object.keys(result.metafile.outputs).map((path) => basename(path)).find((name) => name.endsWith('.js'));
    if (script === undefined) throw new Error('esbuild wrote no script for the explorer');
    const css = await readFile(source('./static/explorer.css'));
    const stylesheet = `explorer.${createHash('sha256').update(css).digest('hex').slice(0, 8).toUpperCase()}.css`;
    await writeFile(join(staging, stylesheet), css);
    const page = (await readFile(source('./static/index.html'), 'utf8'))
      .replace('/explore/explorer.css', `/explore/${stylesheet}`)
      .replace('/explore/explorer.js', `/explore/${script}`);
    await writeFile(join(staging, 'index.html'), page);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
