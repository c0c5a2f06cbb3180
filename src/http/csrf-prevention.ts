import type { Plugin } from 'graphql-yoga';
import { requestIdOf } from './request-log.js';

/** Content types a browser may POST cross-site without a CORS preflight ("simple requests"). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * CSRF prevention: a POST whose content type a plain HTML form or a
 * `no-cors` fetch can send (form-urlencoded, multipart, text/plain, or none)
 * is refused with 415 before it executes, so a page on another site cannot
 * make a visitor's browser run an operation without the CORS preflight. Our
 * clients (GraphiQL, the explorer, curl examples) send application/json. GET
 * requests carry queries only (mutations over GET are refused with 405).
 */
export function csrfPrevention(graphqlEndpoint: string): Plugin {
  return {
    onRequest(payload) {
      const { request, url } = payload;
      if (request.method !== 'POST' || url.pathname !== graphqlEndpoint) return;
      const essence = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (essence !== '' && !SIMPLE_CONTENT_TYPES.has(essence)) return;
      payload.endResponse(
        Response.json(
          {
            errors: [
              {
                message: `POST requests must have Content-Type application/json (got ${essence === '' ? 'none' : essence}): form and plain-text posts are refused to prevent cross-site request forgery.`,
                extensions: { code: 'BAD_REQUEST', requestId: requestIdOf(request) },
              },
            ],
          },
          { status: 415, headers: { 'cache-control': 'no-store' } },
        ),
      );
    },
  };
}
