import type { Plugin } from 'graphql-yoga';
import { createThrottledLog, serializeError, type Logger } from '../logger.js';
import { requestIdOf } from './request-log.js';

/** A JSON error response in the routes' shape, carrying the request id. */
export function jsonError(request: Request, status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message, requestId: requestIdOf(request) } }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Refuses requests whose URL cannot be read (a malformed %-escape in the
 * path, such as `/export/%E0%A4%A`) with a 400 JSON error naming the problem,
 * before any route sees them; the access line and the metrics count them like
 * any other response, and a warn line (once a second at most) says why.
 */
export function malformedRequests(logger: Logger): Plugin {
  const throttled = createThrottledLog(logger);
  return {
    onRequest(payload) {
      const { request, url } = payload;
      try {
        decodeURIComponent(url.pathname);
      } catch {
        throttled('warn', 'malformed-url', 'refused a request with a malformed URL', { requestId: requestIdOf(request), reason: 'malformed %-escape in the path' });
        payload.endResponse(jsonError(request, 400, 'BAD_REQUEST', 'The URL path has a malformed %-escape (such as "%E0%A4%A"): encode it with encodeURIComponent.'));
      }
    },
  };
}

/**
 * Wraps a route plugin so that an error it throws becomes a 500 JSON answer
 * with the request id (the cause and stack go to the log, never to the
 * client), instead of the server adapter's plain-text stack trace.
 */
export function guardRoute(plugin: Plugin, logger: Logger): Plugin {
  const onRequest = plugin.onRequest;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    async onRequest(payload) {
      try {
        await onRequest(payload);
      } catch (error) {
        logger.error('unexpected error in a route', { requestId: requestIdOf(payload.request), path: payload.url.pathname, err: error instanceof Error ? serializeError(error) : String(error) });
        payload.endResponse(jsonError(payload.request, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
      }
    },
  };
}
