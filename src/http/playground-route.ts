import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { PLAYGROUND_ASSETS_PATH, PLAYGROUND_DIST, readPlaygroundManifest, type PlaygroundManifest } from '../playground/playground-manifest.js';
import { chooseEncoding } from './content-encoding.js';
import { IMMUTABLE, matchesETag, notModified, weakETag } from './etag.js';

/** What the page passes to GraphiQL (yoga's `graphiql` options). */
export interface PlaygroundOptions {
  readonly title: string;
  readonly defaultTabs: readonly { readonly query: string }[];
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const TEXT_PLAIN = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * The playground: GET /graphql from a browser (an `accept` naming text/html,
 * as yoga decides) gets a small page shell that loads GraphiQL from
 * /playground/assets/, content-hashed files built by `npm run
 * build:playground` and served precompressed (brotli or gzip by
 * `accept-encoding`) with a year of immutable caching. The shell itself is
 * revalidated (ETag). 503 naming the command while the assets are not built.
 * Replaces yoga's own GraphiQL page (`graphiql: false`), which inlines 9 MB.
 */
export function playgroundRoute(options: PlaygroundOptions, distDir: string = PLAYGROUND_DIST, endpoint = '/graphql'): Plugin {
  let manifest: PlaygroundManifest | null = null;
  let shell: { html: string; etag: string } | null = null;
  const current = (): PlaygroundManifest | null => {
    // Read once built; until then look again on every request (the build may finish while we run).
    manifest ??= readPlaygroundManifest(distDir);
    return manifest;
  };
  return {
    async onRequest(payload) {
      const { request, url } = payload;
      const isPage = (url.pathname === endpoint || url.pathname === `${endpoint}/`) && request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
      const isAsset = url.pathname.startsWith(PLAYGROUND_ASSETS_PATH);
      if (!isPage && !isAsset) return;
      const built = current();
      if (built === null) {
        payload.endResponse(new Response('The playground is not built: run `npm run build:playground` (npm start does it).\n', { status: 503, headers: { ...TEXT_PLAIN, 'cache-control': 'no-store' } }));
        return;
      }
      if (isPage) {
        if (shell === null) {
          const html = renderShell(options, built);
          shell = { html, etag: weakETag(html) };
        }
        const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', etag: shell.etag, 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
        payload.endResponse(matchesETag(request.headers.get('if-none-match'), shell.etag) ? notModified(headers) : new Response(shell.html, { status: 200, headers }));
        return;
      }
      payload.endResponse(await assetResponse(distDir, built, url.pathname.slice(PLAYGROUND_ASSETS_PATH.length), request));
    },
  };
}

async function assetResponse(distDir: string, manifest: PlaygroundManifest, name: string, request: Request): Promise<Response> {
  // Only the names the build wrote: nothing else in (or outside) the folder can be reached.
  if (!manifest.files.includes(name)) return new Response('Not found.\n', { status: 404, headers: TEXT_PLAIN });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Playground assets are read with GET.\n', { status: 405, headers: { ...TEXT_PLAIN, allow: 'GET, HEAD' } });
  }
  const etag = `"${name}"`;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
    'cache-control': IMMUTABLE,
    etag,
    'x-content-type-options': 'nosniff',
  };
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const variant = encoding === null ? null : await stat(join(distDir, `${name}.${encoding === 'br' ? 'br' : 'gz'}`)).then(() => encoding, () => null);
  if (/\.(js|css|svg|ttf)$/.test(name)) headers['vary'] = 'accept-encoding';
  if (variant !== null) headers['content-encoding'] = variant;
  if (matchesETag(request.headers.get('if-none-match'), etag)) return notModified(headers);
  const body = await readFile(join(distDir, variant === null ? name : `${name}.${variant === 'br' ? 'br' : 'gz'}`));
  headers['content-length'] = String(body.length);
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** The page: GraphiQL's stylesheet and scripts by URL, its options as JSON (no inline script). */
export function renderShell(options: PlaygroundOptions, manifest: PlaygroundManifest): string {
  const asset = (name: string): string => `${PLAYGROUND_ASSETS_PATH}${name}`;
  const workers = Object.fromEntries(Object.entries(manifest.workers).map(([label, name]) => [label, asset(name)]));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${asset(manifest.stylesheet)}" />
    <script defer src="${asset(manifest.script)}"></script>
    <script defer src="${asset(manifest.start)}"></script>
    <script type="application/json" id="playground-options">${jsonForHtml(options)}</script>
    <script type="application/json" id="playground-workers">${jsonForHtml(workers)}</script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The GraphQL playground needs JavaScript; the API itself answers POST /graphql.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot close its <script> element or open a comment. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
