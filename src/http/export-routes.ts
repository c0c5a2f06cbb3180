import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/database-errors.js';
import type { Database } from '../db/database.js';
import { countExport } from '../db/export-stream.js';
import { FORMATS } from '../export/export-formats.js';
import { ExportRequestError, ExportTooLargeError, exportFileName, parseExportRequest, type ExportRequest } from '../export/export-request.js';
import { runExport } from '../export/run-export.js';
import { graphFingerprint } from '../db/graph-fingerprint.js';
import { matchesETag, notModified, weakETag } from './etag.js';

const ROUTE = /^\/export\/([^/]+)\/?$/;

/**
 * GET /export/<format>: the graph, or a filtered part of it, as a download in
 * one of the network-analysis formats (see docs/EXPORTS.md). The body streams
 * from Neo4j as the client reads it. Bad parameters get a 400 naming the
 * parameter; an unknown format or ego centre a 404.
 */
export function exportRoutes(db: Database, config: Config): Plugin {
  return {
    async onRequest(payload) {
      const { request, url } = payload;
      const endResponse = (response: Response): void => {
        payload.endResponse(response);
      };
      const match = ROUTE.exec(url.pathname);
      if (!match) return;
      if (request.method !== 'GET') {
        endResponse(Response.json({ error: { code: 'METHOD_NOT_ALLOWED', message: 'exports are read with GET' } }, { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      endResponse(await exportResponse(db, config, decodeURIComponent(match[1] ?? ''), url.searchParams, request.headers.get('if-none-match')));
    },
  };
}

async function exportResponse(db: Database, config: Config, format: string, search: URLSearchParams, ifNoneMatch: string | null): Promise<Response> {
  let request: ExportRequest;
  let chunks: AsyncGenerator<string>;
  let first: IteratorResult<string>;
  let headers: Record<string, string>;
  try {
    request = parseExportRequest(format, singleValues(search), config.limits.maxNeighborhoodDepth);
    headers = {
      'content-type': FORMATS[request.format].contentType,
      'content-disposition': `attachment; filename="${exportFileName(request)}"`,
      // Stored, but revalidated on every use: the ETag changes with the graph.
      'cache-control': 'no-cache',
      etag: weakETag(format, [...search].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&'), await graphFingerprint(db)),
    };
    if (matchesETag(ifNoneMatch, headers['etag'] ?? '')) return notModified(headers);
    if (request.selection.ego && (await countExport(db, { ...request.selection, ego: { ...request.selection.ego, depth: 1 } })).nodes === 0) {
      throw new ExportRequestError('id', `no entity has the id "${request.selection.ego.key}"`, 404);
    }
    chunks = runExport(db, request, { projectionMaxNodes: config.limits.maxNetworkNodes });
    // Pull the first chunk before answering, so that a refused or failing export
    // still gets a proper status instead of a truncated 200.
    first = await chunks.next();
  } catch (error) {
    return errorResponse(error);
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first.done !== true) {
        controller.enqueue(encoder.encode(first.value));
        first = { done: true, value: undefined };
        return;
      }
      try {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone: all that is left is to break the download off.
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { status: 200, headers });
}

function singleValues(search: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of search) {
    if (out.has(name)) throw new ExportRequestError(name, `"${name}" is given twice; use one comma-separated value`);
    out.set(name, value);
  }
  return out;
}

function errorResponse(error: unknown): Response {
  if (error instanceof ExportRequestError) {
    const limit = error instanceof ExportTooLargeError ? { limit: error.limit } : {};
    return Response.json({ error: { code: error.code, parameter: error.parameter, message: error.message, ...limit } }, { status: error.status });
  }
  if (error instanceof DatabaseUnavailableError) {
    return Response.json({ error: { code: 'DATABASE_UNAVAILABLE', message: error.message } }, { status: 503 });
  }
  if (error instanceof QueryTimeoutError) {
    return Response.json({ error: { code: 'QUERY_TIMEOUT', message: error.message } }, { status: 504 });
  }
  console.error('export failed', error);
  return Response.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The export failed.' } }, { status: 500 });
}
