import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Reads a request body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Listens on a free loopback port and announces it on stdout as
 * `LISTENING <port>` (what bench/suite/src/load/server-process.ts waits for);
 * exits when stdin closes, so a server never outlives the benchmark.
 */
export function listenAndAnnounce(server: Server, onClose: () => Promise<void>): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.stdout.write(`LISTENING ${port}\n`);
  });
  process.stdin.resume();
  process.stdin.on('end', () => {
    server.close();
    server.closeAllConnections();
    onClose().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

export { createServer };
