/**
 * Compression by `accept-encoding` and validators for what a client downloads
 * again and again: GraphQL answers, exports and the explorer's files, through
 * the app against the run's Neo4j.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

const QUERY = '{ entities(first: 50) { nodes { id name } } }';

async function post(encoding: string | null): Promise<Response> {
  return api.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(encoding === null ? {} : { 'accept-encoding': encoding }) },
    body: JSON.stringify({ query: QUERY }),
  });
}

function decode(bytes: ArrayBuffer, encoding: string | null): string {
  const buffer = Buffer.from(bytes);
  return (encoding === 'br' ? brotliDecompressSync(buffer) : encoding === 'gzip' ? gunzipSync(buffer) : buffer).toString('utf8');
}

describe('compressed answers', () => {
  it('compresses a GraphQL answer with brotli or gzip as asked, and says it varies by accept-encoding', async () => {
    const plain = await post(null);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainText = await plain.text();
    const answer = JSON.parse(plainText) as { data: { entities: { nodes: unknown[] } } };
    expect(answer.data.entities.nodes.length).toBeGreaterThan(20);
    for (const [asked, expected] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip'], ['br;q=0, gzip', 'gzip']] as const) {
      const response = await post(asked);
      expect(response.headers.get('content-encoding'), asked).toBe(expected);
      expect(response.headers.get('vary')?.toLowerCase(), asked).toContain('accept-encoding');
      const bytes = await response.arrayBuffer();
      expect(bytes.byteLength, asked).toBeLessThan(plainText.length / 2);
      expect((JSON.parse(decode(bytes, expected)) as typeof answer).data, asked).toEqual(answer.data);
    }
  });

  it('leaves small answers uncompressed', async () => {
    const response = await api.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(((await response.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
  });

  it('streams an export compressed, byte for byte the same file', async () => {
    const plain = await (await api.app.fetch('http://localhost/export/graphml')).text();
    for (const encoding of ['br', 'gzip']) {
      const response = await api.app.fetch('http://localhost/export/graphml', { headers: { 'accept-encoding': encoding } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-disposition')).toContain('.graphml');
      const bytes = await response.arrayBuffer();
      expect(decode(bytes, encoding)).toBe(plain);
      expect(bytes.byteLength).toBeLessThan(plain.length / 4);
    }
  });
});

describe('export validators', () => {
  it('answers 304 to a client that has the current file, and a full file when the selection differs', async () => {
    const first = await api.app.fetch('http://localhost/export/csv-nodes?types=Person');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    await first.arrayBuffer();
    const again = await api.app.fetch('http://localhost/export/csv-nodes?types=Person', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const other = await api.app.fetch('http://localhost/export/csv-nodes?types=Organization', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
    await other.arrayBuffer();
    // A refused request is refused whatever validator it carries.
    expect((await api.app.fetch('http://localhost/export/csv-nodes?types=Nope', { headers: { 'if-none-match': etag } })).status).toBe(400);
  });

  it('changes the ETag when the graph changes', async () => {
    const before = (await api.app.fetch('http://localhost/export/node-link')).headers.get('etag');
    // A curation change writes a revision; one written by hand stands for it (no entity changes, so other tests see the same graph).
    const id = `etag-probe-${Date.now()}`;
    await api.db.write('test-etag-probe', (tx) => tx.run('CREATE (:Revision {id: $id, at: "9999-12-31T00:00:00Z", targetId: $id})', { id }));
    try {
      const after = await api.app.fetch('http://localhost/export/node-link', { headers: { 'if-none-match': before ?? '' } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before);
      await after.arrayBuffer();
    } finally {
      await api.db.write('test-etag-probe-cleanup', (tx) => tx.run('MATCH (v:Revision {id: $id}) DELETE v', { id }));
    }
  });
});

describe('the explorer files', () => {
  it('are content-hashed and cached for a year; the page is revalidated', async () => {
    const page = await api.app.fetch('http://localhost/explore', { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-encoding')).toBe('br');
    const html = brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\/explore\/explorer\.[A-Z0-9]{8}\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const response = await api.app.fetch(`http://localhost${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-encoding'), asset).toBe('gzip');
      await response.arrayBuffer();
    }
    const etag = page.headers.get('etag')!;
    expect((await api.app.fetch('http://localhost/explore', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});
