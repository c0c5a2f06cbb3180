import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundRoute, renderShell } from '../../src/http/playground-route.js';
import type { PlaygroundManifest } from '../../src/playground/playground-manifest.js';
import { schema } from '../../src/schema/index.js';

const MANIFEST: PlaygroundManifest = {
  key: 'test',
  script: 'graphiql.aaaa.js',
  stylesheet: 'graphiql.bbbb.css',
  start: 'start.cccc.js',
  workers: { editorWorkerService: 'json-worker.dddd.js', json: 'json-worker.dddd.js', graphql: 'graphql-worker.eeee.js' },
  files: ['graphiql.aaaa.js', 'graphiql.bbbb.css', 'start.cccc.js', 'json-worker.dddd.js', 'graphql-worker.eeee.js'],
};
const OPTIONS = { title: 'Graph <playground>', defaultTabs: [{ query: '# </script><script>alert(1)</script>\n{ __typename }' }] };

let dir: string;
let app: ReturnType<typeof createYoga>;
let unbuilt: ReturnType<typeof createYoga>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'playground-route-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  for (const name of MANIFEST.files) await writeFile(join(dir, name), `/* ${name} */`);
  await writeFile(join(dir, 'secret.txt'), 'not for the web');
  app = createYoga({ schema, logging: false, graphiql: false, plugins: [playgroundRoute(OPTIONS, dir)] });
  unbuilt = createYoga({ schema, logging: false, graphiql: false, plugins: [playgroundRoute(OPTIONS, join(dir, 'missing'))] });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (yoga: typeof app, path: string, init: RequestInit = {}): Promise<Response> => Promise.resolve(yoga.fetch(new Request(`http://localhost${path}`, init)));

describe('the playground page shell', () => {
  it('names the built files and keeps the options from closing their script element', () => {
    const html = renderShell(OPTIONS, MANIFEST);
    expect(html).toContain('<script defer src="/playground/assets/graphiql.aaaa.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/playground/assets/graphiql.bbbb.css" />');
    expect(html).toContain('<title>Graph &#60;playground&#62;</title>');
    expect(html.match(/<\/script>/g)).toHaveLength(4); // two scripts and two JSON blocks, nothing injected
    const options = /id="playground-options">([^<]*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(options)).toEqual(OPTIONS);
    expect(html).not.toMatch(/<script>(?!<)/);
  });

  it('is served to browsers only, and 503 names the command while not built', async () => {
    const page = await get(app, '/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const missing = await get(unbuilt, '/graphql', { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build:playground');
    const api = await get(app, '/graphql?query=%7B__typename%7D', { headers: { accept: 'application/json' } });
    expect(await api.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});

describe('the playground assets', () => {
  it('serves only the files the build names, with GET or HEAD', async () => {
    const script = await get(app, '/playground/assets/graphiql.aaaa.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('/* graphiql.aaaa.js */');
    expect((await get(app, '/playground/assets/graphiql.aaaa.js', { headers: { 'if-none-match': script.headers.get('etag')! } })).status).toBe(304);
    for (const path of ['/playground/assets/secret.txt', '/playground/assets/manifest.json', '/playground/assets/%2e%2e%2fsecret.txt', '/playground/assets/']) {
      expect((await get(app, path)).status, path).toBe(404);
    }
    expect((await get(app, '/playground/assets/graphiql.aaaa.js', { method: 'DELETE' })).status).toBe(405);
  });
});
