import type { ServerProcess } from './server-process.js';


/** V8 old-space cap of the export servers, MiB (the 1M GraphML file is 375 MiB). */
export const EXPORT_HEAP_MIB = 160;

export interface ExportResult {
  readonly server: string;
  readonly status: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly firstByteSeconds: number;
  /** RSS of the server process just before the export started, MiB. */
  readonly rssBeforeMiB: number;
  /** Highest RSS seen while the export ran (VmHWM of a freshly started process), MiB. */
  readonly peakRssMiB: number;
  readonly error?: string;
}

/**
 * Downloads GET /export/graphml from a freshly started server, counting bytes
 * and never keeping them, and reports the time taken and the process's peak
 * resident memory (its VmHWM: the process did nothing before, so that is the
 * export's peak).
 */
export async function runExport(server: ServerProcess, timeoutMs: number): Promise<ExportResult> {
  const before = await server.memory();
  const started = performance.now();
  let firstByte = 0;
  let bytes = 0;
  let status = 0;
  try {
    const response = await fetch(`${server.baseUrl}/export/graphml`, { signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (bytes === 0) firstByte = performance.now();
      bytes += read.value.byteLength;
    }
    if (status !== 200) throw new Error(`HTTP ${status}`);
  } catch (error) {
    const after = await server.memory();
    return { server: server.name, status, bytes, seconds: (performance.now() - started) / 1000, firstByteSeconds: 0, rssBeforeMiB: before.rssMiB, peakRssMiB: after.peakRssMiB, error: String(error) };
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await server.memory();
  return {
    server: server.name,
    status,
    bytes,
    seconds,
    firstByteSeconds: (firstByte - started) / 1000,
    rssBeforeMiB: before.rssMiB,
    peakRssMiB: after.peakRssMiB,
  };
}
