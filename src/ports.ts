import { connect, createServer } from 'node:net';

/** The API's port is taken; the message says what to do. */
export class PortBusyError extends Error {
  override name = 'PortBusyError';
}

/** Throws PortBusyError when `host:port` cannot be bound (port 0 always can). */
export async function assertApiPortFree(host: string, port: number): Promise<void> {
  if (port === 0 || (await isPortFree(host, port))) return;
  throw new PortBusyError(`Port ${port} on ${host} is already in use (another \`npm start\`?): stop that process or set PORT to a free port.`);
}

/**
 * True when nothing listens on `host:port` and we may bind it. Checked before
 * the slow start-up work (Neo4j, the seed), so a busy port is reported in a
 * sentence at once instead of as EADDRINUSE a minute later.
 */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => { resolve(false); });
    server.listen(port, host, () => {
      server.close(() => { resolve(true); });
    });
  });
}

/** True when something accepts TCP connections on `host:port` within `timeoutMs`. */
export function isPortAnswering(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => { done(false); });
    socket.once('connect', () => { done(true); });
    socket.once('error', () => { done(false); });
  });
}
