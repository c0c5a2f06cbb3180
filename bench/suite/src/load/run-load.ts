import autocannon from 'autocannon';
import type { HttpRequest } from '../workloads/workloads.js';

export interface LoadResult {
  readonly concurrency: number;
  readonly durationSeconds: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly timeouts: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

/**
 * Drives one server with autocannon: loopback only, `concurrency` connections
 * for `seconds`, each request the next of `requests` (round robin), so every
 * run sees the same parameter sequence. Latencies in milliseconds.
 */
export async function runLoad(baseUrl: string, requests: readonly HttpRequest[], concurrency: number, seconds: number): Promise<LoadResult> {
  if (!baseUrl.startsWith('http://127.0.0.1:')) throw new Error('invariant: load goes to loopback only');
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const options: autocannon.Options = {
    url: baseUrl,
    connections: concurrency,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length];
          if (!chosen) throw new Error('invariant: no requests');
          return { ...request, path: chosen.path, body: chosen.body };
        },
      },
    ],
  };
  // Exact percentiles from every response time (autocannon's summary has no p95).
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) => {
      if (error instanceof Error) reject(error);
      else if (error) reject(new Error('autocannon failed'));
      else resolve(done);
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) non2xx += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    durationSeconds: result.duration,
    requests: latencies.length,
    errors: result.errors,
    non2xx,
    timeouts: result.timeouts,
    throughput: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
