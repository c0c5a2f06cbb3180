import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/database-errors.js';
import { createThrottledLog, serializeError, summarizeError, type Logger } from '../logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept if it is short and plain; anything else is replaced. */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

interface RequestInfo {
  readonly id: string;
  readonly started: number;
}

const requests = new WeakMap<Request, RequestInfo>();

/** The request's id (assigned by `requestLog`); a fresh one for requests it never saw. */
export function requestIdOf(request: Request): string {
  return requests.get(request)?.id ?? randomUUID();
}

/**
 * Gives every request an id (the caller's `x-request-id` if acceptable, else a
 * UUID), returns it in the `x-request-id` response header, writes one access
 * line per request, and logs the real cause of every error that clients only
 * see masked, under the same id: unexpected ones at error level with the
 * stack; expected conditions (database unavailable, query timeout) at warn,
 * without stack, at most once a second per kind (the line counts the ones
 * dropped since), so an outage cannot flood the log. Register it first, so it
 * sees every request.
 */
export function requestLog(logger: Logger): Plugin {
  const throttled = createThrottledLog(logger);
  return {
    onRequest({ request }) {
      const given = request.headers.get(REQUEST_ID_HEADER);
      requests.set(request, { id: given && ACCEPTABLE_ID.test(given) ? given : randomUUID(), started: performance.now() });
    },
    onResponse(payload) {
      const { request, response } = payload;
      const info = requests.get(request) ?? { id: randomUUID(), started: performance.now() };
      try {
        response.headers.set(REQUEST_ID_HEADER, info.id);
      } catch {
        // Immutable headers: copy the response.
        const headers = new Headers(response.headers);
        headers.set(REQUEST_ID_HEADER, info.id);
        payload.setResponse(new Response(response.body, { status: response.status, statusText: response.statusText, headers }));
      }
      const url = new URL(request.url, 'http://localhost');
      logger.info('request', {
        requestId: info.id,
        method: request.method,
        path: url.pathname,
        status: response.status,
        durationMs: Math.round((performance.now() - info.started) * 10) / 10,
      });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          for (const error of (result as ExecutionResult).errors ?? []) {
            const cause = error.originalError;
            if (!cause || cause instanceof GraphQLError) continue; // expected errors: the client sees them as they are
            const fields = {
              requestId: request ? requestIdOf(request) : undefined,
              operation: typeof args.operationName === 'string' ? args.operationName : undefined,
              path: error.path?.join('.'),
            };
            if (cause instanceof DatabaseUnavailableError || cause instanceof QueryTimeoutError) {
              throttled('warn', cause.name, cause.message, { ...fields, err: summarizeError(cause) });
            } else logger.error('unexpected error while executing a query', { ...fields, err: serializeError(cause) });
          }
        },
      };
    },
  };
}
