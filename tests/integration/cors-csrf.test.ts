/**
 * Issue #15 item 6: CORS never reflects an arbitrary origin with credentials;
 * CORS_ORIGINS restricts browsers to an allow-list; simple (preflight-free)
 * POSTs are refused before they execute.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const open = createTestApp();
const listed = createTestApp({ CORS_ORIGINS: 'https://analysts.example, https://newsroom.example' });
afterAll(async () => {
  await open.close();
  await listed.close();
});

const QUERY = `/graphql?query=${encodeURIComponent('{ entity(id: "shinzo-abe") { name } }')}`;

describe('CORS', () => {
  it('by default lets any origin read, and never allows credentials', async () => {
    const response = await open.app.fetch(`http://localhost${QUERY}`, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    // Yoga answers "*" with the caller's origin; without credentials that is the same permission.
    expect(['*', 'https://evil.example']).toContain(response.headers.get('access-control-allow-origin'));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await open.app.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(['*', 'https://evil.example']).toContain(preflight.headers.get('access-control-allow-origin'));
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('with CORS_ORIGINS, allows the listed origins only', async () => {
    const allowed = await listed.app.fetch(`http://localhost${QUERY}`, { headers: { origin: 'https://newsroom.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await listed.app.fetch(`http://localhost${QUERY}`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('refuses a malformed CORS_ORIGINS at start, naming it', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(() => loadConfig({ CORS_ORIGINS: 'newsroom.example/path' })).toThrow(/CORS_ORIGINS has "newsroom\.example\/path"/);
  });
});

describe('CSRF prevention', () => {
  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent('{ __typename }')}`],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n'],
    ['text/plain', JSON.stringify({ query: '{ __typename }' })],
  ])('refuses a %s POST with 415 before executing it', async (type, body) => {
    const response = await open.app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': type, origin: 'https://evil.example' }, body });
    const reply = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(415);
    expect(reply.data).toBeUndefined();
    expect(reply.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(reply.errors[0]?.message).toMatch(/must have Content-Type application\/json .*cross-site request forgery/);
  });

  it('accepts JSON POSTs as the playground and the explorer send them', async () => {
    const reply = await open.gql<{ entity: { name: string } }>('{ entity(id: "shinzo-abe") { name } }');
    expect(reply.status).toBe(200);
    expect(reply.data?.entity.name).toBe('Shinzo Abe');
  });
});
