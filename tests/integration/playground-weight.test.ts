/**
 * The playground as a browser loads it, weighed on the wire: the page and
 * every file it loads, asked for with `accept-encoding: br, gzip` as browsers
 * do. Fonts count when an upright English page draws with them (the browser
 * fetches a @font-face only for the characters and style it shows: the
 * Latin, upright ones and the icon font).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

const BUDGET_BYTES = 1_500_000;
const BROWSER = { 'accept-encoding': 'br, gzip', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function get(path: string, headers: Record<string, string> = BROWSER): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await api.app.fetch(`http://localhost${path}`, { headers });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The fonts a stylesheet declares that an upright page of Latin text loads. */
function fontsDrawnWith(css: string, base: string): string[] {
  const urls: string[] = [];
  for (const [face] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    if (/font-style:\s*italic/.test(face)) continue;
    const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1];
    if (range !== undefined && !coversLatinA(range)) continue;
    const url = /url\(["']?([^)"']+)["']?\)/.exec(face)?.[1];
    if (url !== undefined && !url.startsWith('data:')) urls.push(new URL(url, `http://localhost${base}`).pathname);
  }
  return urls;
}

function coversLatinA(range: string): boolean {
  return range.split(',').some((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return Number.parseInt(from ?? '', 16) <= 0x41 && Number.parseInt(to ?? '', 16) >= 0x41;
  });
}

describe('the playground on the wire', () => {
  it(`weighs under ${BUDGET_BYTES / 1e6} MB with everything it loads, compressed`, async () => {
    const page = await get('/graphql');
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = new TextDecoder().decode(await decompressed(page));
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const workers = Object.values(JSON.parse(/<script type="application\/json" id="playground-workers">([^<]*)<\/script>/.exec(html)![1]!) as Record<string, string>);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    expect(stylesheets).toHaveLength(1);
    expect(workers.length).toBeGreaterThanOrEqual(2);

    const stylesheet = await get(stylesheets[0]!);
    const fonts = fontsDrawnWith(new TextDecoder().decode(await decompressed(stylesheet)), stylesheets[0]!);
    expect(fonts.length).toBeGreaterThan(0);

    const loaded = new Map<string, number>([['/graphql', page.bytes.length], [stylesheets[0]!, stylesheet.bytes.length]]);
    for (const path of new Set([...scripts, ...workers, ...fonts])) {
      const { response, bytes } = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      if (!/\.(woff2?)$/.test(path)) expect(response.headers.get('content-encoding'), path).toBe('br');
      loaded.set(path, bytes.length);
    }
    const total = [...loaded.values()].reduce((a, b) => a + b, 0);
    console.log(`playground on the wire: ${total} bytes in ${loaded.size} files (${[...loaded].map(([p, n]) => `${p.replace(/^.*\//, '')} ${n}`).join(', ')})`);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });

  it('serves gzip to a client without brotli, and plain bytes to one without either', async () => {
    const page = await get('/graphql');
    const html = new TextDecoder().decode(await decompressed(page));
    const script = /<script[^>]+src="([^"]+graphiql\.[^"]+\.js)"/.exec(html)![1]!;
    const gzip = await get(script, { 'accept-encoding': 'gzip' });
    expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
    const plain = await get(script, {});
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await decompressed(gzip)).equals(plain.bytes)).toBe(true);
    expect(plain.bytes.length).toBeGreaterThan(gzip.bytes.length * 3);
  });

  it('revalidates the page with its ETag and refuses asset names it never built', async () => {
    const page = await get('/graphql');
    expect(page.response.headers.get('cache-control')).toBe('no-cache');
    const etag = page.response.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await get('/graphql', { ...BROWSER, 'if-none-match': etag });
    expect(again.response.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    for (const path of ['/playground/assets/manifest.json', '/playground/assets/..%2f..%2fpackage.json', '/playground/assets/graphiql.js']) {
      expect((await get(path)).response.status, path).toBe(404);
    }
  });
});

/** The body as the browser sees it after undoing the content encoding. */
async function decompressed({ response, bytes }: { response: Response; bytes: Uint8Array }): Promise<Uint8Array> {
  const encoding = response.headers.get('content-encoding');
  if (encoding === null) return bytes;
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  return new Uint8Array(encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes));
}
