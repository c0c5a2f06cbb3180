import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { IMMUTABLE, matchesETag, notModified } from './etag.js';

/** Where `npm run build:explorer` (explorer/build.ts) writes the explorer's assets, and where they are served from. */
export const EXPLORER_DIST = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

const PREFIX = '/explore';

/** A name the explorer's build gave a content hash (esbuild's `[name].[hash]`). */
const HASHED_ASSET = /\.[A-Z0-9]{8}\.(js|css)$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The page may load its own files and talk to this server only: no CDN, no
 * third-party requests. Cytoscape sets inline styles on its canvas, hence
 * 'unsafe-inline' for styles (never for scripts).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GET /explore: the graph explorer, a static page built from explorer/ into
 * `distDir`, and its assets under /explore/. Only files inside `distDir` are
 * served (paths are resolved and checked, encoded dot-segments included);
 * anything else is a 404. 503 with the command to run while the assets are
 * not built.
 */
export function explorerRoute(distDir: string = EXPLORER_DIST): Plugin {
  const root = resolve(distDir);
  return {
    async onRequest(payload) {
      const { request, url } = payload;
      if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        payload.endResponse(
          new Response('The explorer is read with GET.\n', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' } }),
        );
        return;
      }
      payload.endResponse(await assetResponse(root, url.pathname.slice(PREFIX.length), request));
    },
  };
}

/**
 * The file inside `root` that a path below /explore names ("" and "/" name
 * index.html), or null when it is malformed or points outside `root`.
 */
export function resolveAsset(root: string, subPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(subPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '');
  const file = resolve(root, relative === '' ? 'index.html' : relative);
  return file.startsWith(root + sep) ? file : null;
}

async function assetResponse(root: string, subPath: string, request: Request): Promise<Response> {
  const notFound = (): Response => new Response('Not found.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const file = resolveAsset(root, subPath);
  if (file === null) return notFound();
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) {
    const built = await stat(resolve(root, 'index.html')).catch(() => null);
    if (built === null) {
      return new Response('The graph explorer is not built: run `npm run build:explorer` (npm start does it).\n', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    return notFound();
  }
  const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    // Content-hashed script and stylesheet never change under their name; the page (and
    // anything else) is revalidated every time, cheap with the ETag.
    'cache-control': HASHED_ASSET.test(file) ? IMMUTABLE : 'no-cache',
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (extname(file) === '.html') {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  if (matchesETag(request.headers.get('if-none-match'), etag)) return notModified(headers);
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers: { ...headers, 'content-length': String(info.size) } });
  return new Response(await readFile(file), { status: 200, headers });
}
