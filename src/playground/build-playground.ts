/**
 * Builds the playground (yoga's GraphiQL) into content-hashed files: the
 * bundle that `@graphql-yoga/render-graphiql` would inline into one 9 MB page
 * is split into its script, a stylesheet whose embedded fonts become files of
 * their own (the browser fetches only the ones it uses), Monaco's workers
 * (minified: yoga ships them unminified) and a start script. Every
 * file also gets a brotli (quality 11) and a gzip (level 9) copy beside it,
 * so the server never compresses them per request.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { transform } from 'esbuild';
import { MANIFEST_FILE, PLAYGROUND_DIST, readPlaygroundManifest, type PlaygroundManifest } from './playground-manifest.js';

/** Bump when the recipe below changes, so that old builds are rebuilt. */
const RECIPE = 2;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Inline data URLs smaller than this stay in the stylesheet (an extra request costs more). */
const MIN_EXTRACTED_BYTES = 2048;

const EXTENSIONS: Readonly<Record<string, string>> = {
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'font/ttf': 'ttf',
  'image/png': 'png',
  'image/svg+xml': 'svg',
};

interface Bundle {
  readonly js: string;
  readonly css: string;
  readonly jsonWorker: string;
  readonly graphqlWorker: string;
}

/** The version of yoga's GraphiQL bundle installed, plus the recipe: what a build is keyed on. */
export async function playgroundBuildKey(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(await readFile(require.resolve('@graphql-yoga/render-graphiql/package.json'), 'utf8')) as { version: string };
  return `render-graphiql@${pkg.version}+recipe${RECIPE}`;
}

/**
 * Builds into `outDir` (default dist/playground) unless a build with the same
 * key is there already; `force` rebuilds anyway. It builds beside it and then
 * swaps the folders, so a running server never serves half a build.
 */
export async function buildPlayground(outDir: string = PLAYGROUND_DIST, force = false): Promise<{ built: boolean; manifest: PlaygroundManifest }> {
  const key = await playgroundBuildKey();
  const existing = readPlaygroundManifest(outDir);
  if (!force && existing?.key === key) return { built: false, manifest: existing };
  const bundle = (await import('@graphql-yoga/render-graphiql/graphiql')) as Bundle;
  const files = new Map<string, Buffer>();
  const add = (stem: string, extension: string, content: string | Buffer): string => {
    const buffer = typeof content === 'string' ? Buffer.from(content) : content;
    const name = `${stem}.${createHash('sha256').update(buffer).digest('hex').slice(0, 16)}.${extension}`;
    files.set(name, buffer);
    return name;
  };
  const minify = async (code: string): Promise<string> => (await transform(code, { minify: true, target: 'chrome110', legalComments: 'none' })).code;

  const css = bundle.css.replace(/url\((['"]?)data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)\1\)/g, (whole, _quote: string, mime: string, data: string) => {
    const extension = EXTENSIONS[mime];
    if (extension === undefined || data.length < MIN_EXTRACTED_BYTES) return whole;
    return `url(${add('asset', extension, Buffer.from(data, 'base64'))})`;
  });
  const stylesheet = add('graphiql', 'css', (await transform(css, { loader: 'css', minify: true, legalComments: 'none' })).code);
  const script = add('graphiql', 'js', bundle.js);
  const json = add('json-worker', 'js', await minify(bundle.jsonWorker));
  const workers = {
    // Monaco's JSON worker is its editor worker plus the JSON language service (the
    // editor worker answers any module it was started with), so the plain editor
    // worker reuses its file: one download fewer (yoga's separate copy is 67 kB brotli).
    editorWorkerService: json,
    json,
    graphql: add('graphql-worker', 'js', await minify(bundle.graphqlWorker)),
  };
  const start = add('start', 'js', START_SCRIPT);
  const manifest: PlaygroundManifest = { key, script, stylesheet, start, workers, files: [...files.keys()].sort() };

  const staging = join(outDir, '..', `.playground-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  try {
    for (const [name, content] of files) {
      await writeFile(join(staging, name), content);
      if (/\.(js|css|svg|ttf)$/.test(name)) {
        const [br, gz] = await Promise.all([
          brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
          gzipAsync(content, { level: 9 }),
        ]);
        await writeFile(join(staging, `${name}.br`), br);
        await writeFile(join(staging, `${name}.gz`), gz);
      }
    }
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(join(outDir, '..'), { recursive: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { built: true, manifest };
}

/**
 * Starts GraphiQL once its bundle has run (both scripts are `defer`, so in
 * order): the options and worker URLs come from JSON blocks in the page, so
 * the page has no inline script.
 */
const START_SCRIPT = `(function () {
  var read = function (id) { return JSON.parse(document.getElementById(id).textContent); };
  var workers = read('playground-workers');
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_moduleId, label) { return workers[label]; } };
  YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), read('playground-options'));
})();
`;
