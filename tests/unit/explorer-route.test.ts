import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRoute, resolveAsset } from '../../src/http/explorer-route.js';
import { schema } from '../../src/schema/index.js';

let root: string;
let app: ReturnType<typeof createYoga>;
let unbuilt: ReturnType<typeof createYoga>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'explorer-route-'));
  await mkdir(join(root, 'dist'));
  await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'dist', 'explorer.js'), 'console.log(1);');
  await writeFile(join(root, 'dist', 'explorer.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), 'not for the web');
  app = createYoga({ schema, logging: false, plugins: [explorerRoute(join(root, 'dist'))] });
  unbuilt = createYoga({ schema, logging: false, plugins: [explorerRoute(join(root, 'missing'))] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, init: RequestInit = {}): Promise<Response> => Promise.resolve(app.fetch(new Request(`http://localhost${path}`, init)));

describe('GET /explore', () => {
  it('serves the page at /explore, /explore/ and /explore/index.html, with a same-origin-only policy', async () => {
    for (const path of ['/explore', '/explore/', '/explore/index.html']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<title>x</title>');
    }
  });

  it('serves the assets with their content types, ETags and HEAD', async () => {
    const script = await get('/explore/explorer.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/explore/explorer.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const etag = script.headers.get('etag')!;
    expect((await get('/explore/explorer.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await get('/explore/explorer.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('15');
  });

  it('refuses anything outside its folder, however the path is spelt', async () => {
    for (const path of [
      '/explore/%2e%2e/secret.txt',
      '/explore/..%2fsecret.txt',
      '/explore/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/explore/..%5csecret.txt',
      '/explore/%00',
      '/explore/%E0%A4%A',
      '/explore/%2fetc%2fpasswd',
      '/explore/nothing-here.js',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('not for the web');
    }
    expect(resolveAsset('/srv/dist', '/../secret')).toBeNull();
    expect(resolveAsset('/srv/dist', '/%2e%2e')).toBeNull();
    expect(resolveAsset('/srv/dist', '/a/../b.js')).toBe('/srv/dist/b.js');
  });

  it('answers 405 to other methods and leaves other paths alone', async () => {
    const post = await get('/explore', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/explorer.js')).status).toBe(404); // yoga's own 404, not ours
    expect(await (await get('/explorer.js')).text()).not.toContain('console.log');
  });

  it('says how to build the page when it is not built', async () => {
    const response = await Promise.resolve(unbuilt.fetch('http://localhost/explore'));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:explorer');
  });
});
