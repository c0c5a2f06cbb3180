import { Readable, pipeline } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync, type BrotliCompress, type Gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { chooseEncoding, isCompressible, type Encoding } from './content-encoding.js';

/** Below this many bytes (when the length is known) compression saves less than it costs. */
const MIN_BYTES = 1024;

/**
 * Answers of known length up to this size are compressed in one call, not
 * through a stream: a GraphQL answer of a few kilobytes cost our server about
 * 1 ms of CPU through the stream pipeline, more than the query it answered
 * spent in Node (bench:focus, search at 100k). Exports have no length and stream.
 */
const ONE_SHOT_MAX_BYTES = 1 << 20;

const BROTLI_QUALITY = 4;

/** Statuses whose responses have no body (Fetch standard, "null body status"). */
const NULL_BODY_STATUS: ReadonlySet<number> = new Set([101, 204, 205, 304]);

/**
 * Compresses answers on the fly by the request's `accept-encoding`: brotli
 * (quality 4: fast enough for streamed exports, smaller than gzip) or gzip.
 * Only text formats (JSON answers, HTML, CSV, GraphML/GEXF, JS/CSS) are
 * compressed; a response that already has a `content-encoding` (the
 * playground's precompressed assets) passes as it is. Exports stream through
 * the compressor, so nothing is buffered. Every compressible answer says
 * `vary: accept-encoding`, so a cache keeps the variants apart.
 */
export function compression(): Plugin {
  return {
    onResponse(payload) {
      const { request, response, fetchAPI } = payload;
      const contentType = response.headers.get('content-type');
      if (!isCompressible(contentType)) return;
      const vary = mergeVary(response.headers.get('vary'), 'accept-encoding');
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      if (encoding === null || request.method === 'HEAD' || NULL_BODY_STATUS.has(response.status) || response.headers.has('content-encoding') || length < MIN_BYTES) {
        // Only the header changes: set in place (a new Response per answer cost more than the query's resolvers).
        if (vary !== response.headers.get('vary')) varyInPlace(payload, vary);
        return;
      }
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('vary', vary);
      headers.set('content-encoding', encoding);
      headers.delete('content-length');
      // The bytes differ per encoding: a strong validator would promise otherwise.
      const etag = headers.get('etag');
      if (etag !== null && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
      if (length <= ONE_SHOT_MAX_BYTES) {
        // yoga's own Response class (fetchAPI): Node's global one builds web streams for every body.
        return response.arrayBuffer().then((bytes) => {
          const packed = compressBytes(new Uint8Array(bytes), encoding);
          headers.set('content-length', String(packed.byteLength));
          payload.setResponse(new fetchAPI.Response(packed, { status: response.status, statusText: response.statusText, headers }));
        });
      }
      const body = response.body;
      if (body === null) {
        varyInPlace(payload, vary);
        return undefined;
      }
      payload.setResponse(new Response(compress(body, encoding), { status: response.status, statusText: response.statusText, headers }));
      return undefined;
    },
  };
}

/** Sets `vary` on the response's own headers, or (if they are immutable) on a copy of the response. */
function varyInPlace(payload: { response: Response; setResponse(next: Response): void }, vary: string): void {
  const { response } = payload;
  try {
    response.headers.set('vary', vary);
  } catch {
    const headers = new Headers(response.headers);
    headers.set('vary', vary);
    payload.setResponse(new Response(response.body, { status: response.status, statusText: response.statusText, headers }));
  }
}

function compressBytes(bytes: Uint8Array, encoding: Encoding): ArrayBuffer {
  const packed = encoding === 'br' ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : gzipSync(bytes, { level: 6 });
  return packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength);
}

/** `body` compressed as a stream; cancelling the result cancels `body` (an export stops reading Neo4j). */
function compress(body: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  const encoder: BrotliCompress | Gzip =
    encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : createGzip({ level: 6 });
  // Readable.from over the reader, not Readable.fromWeb: yoga's own bodies are whatwg-node ponyfill streams.
  pipeline(Readable.from(chunksOf(body)), encoder, () => {
    // Errors reach the reader through the encoder; nothing else to do here.
  });
  return Readable.toWeb(encoder) as ReadableStream<Uint8Array>;
}

/** The body's chunks; stopping early (the client went away) cancels the body. */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function mergeVary(current: string | null, name: string): string {
  if (current === null || current.trim() === '') return name;
  const names = current.split(',').map((v) => v.trim().toLowerCase());
  return names.includes(name) || names.includes('*') ? current : `${current}, ${name}`;
}
