import type { Logger } from '../logger.js';
import type { LocalNeo4j, Neo4jExit } from './local-neo4j.js';

export interface SupervisorOptions {
  /** Failed restarts in a row after which the supervisor gives up and reports not live. */
  readonly maxRestarts: number;
  /** Wait before the first restart; doubles with each failure up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A restarted Neo4j that stays up this long resets the failure count (a crash loop does not). */
  readonly stableAfterMs?: number;
  /** Hears of every exit it did not ask for (the server counts them in /metrics). */
  readonly onExit?: (exit: Neo4jExit) => void;
  /** Hears of every restart attempt and how it went (the server counts them in /metrics). */
  readonly onRestart?: (outcome: 'ok' | 'failed') => void;
}

/** What /healthz reports: live, or not live and why. */
export interface Liveness {
  readonly live: boolean;
  readonly reason?: string;
}

/** Wait before restart number `attempt` (1-based): initial × 2^(attempt-1), capped. */
export function restartBackoff(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

/** "code 137" or "signal SIGKILL": how the JVM ended, in words. */
export function describeExit(exit: Pick<Neo4jExit, 'code' | 'signal'>): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}

/**
 * Keeps the local Neo4j running: when its JVM exits without being asked to,
 * logs that once at error level (exit code or signal), restarts it on the
 * same port and data after a backoff (1 s, 2 s, 4 s ... up to 30 s), and logs
 * the restart (info) and the recovery (info) or a failed start (warn); the
 * `onExit`/`onRestart` hooks feed `neo4j_unexpected_exits_total` and
 * `neo4j_restarts_total{outcome}` on /metrics. After `maxRestarts` failures in a row (a start that fails, or
 * a restarted JVM that dies again before it has been up `stableAfterMs`) it
 * gives up: `liveness()` turns false so /healthz answers 503 and an outer
 * supervisor (Docker, systemd, Kubernetes) restarts the whole service. The API
 * process itself keeps running throughout; meanwhile requests get a fast 503
 * from the database breaker (src/db/availability.ts).
 */
export class Neo4jSupervisor {
  /** Failed restarts in a row. */
  private failures = 0;
  /** Whether the running JVM is one this supervisor restarted (its early death is a failed restart). */
  private restarted = false;
  private gaveUp: string | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private upSince = Date.now();
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableAfterMs: number;

  constructor(
    private readonly neo4j: LocalNeo4j,
    private readonly logger: Logger,
    private readonly options: SupervisorOptions,
  ) {
    this.initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    neo4j.onExit((exit) => {
      this.exited(exit);
    });
  }

  /** Live unless the supervisor has given up restarting Neo4j. */
  liveness(): Liveness {
    return this.gaveUp === undefined ? { live: true } : { live: false, reason: this.gaveUp };
  }

  /** Stops supervising: no restart after this (the caller then stops Neo4j itself). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** A method, not the field: it may change while a start is awaited. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private exited(exit: Neo4jExit): void {
    if (this.stopped) return;
    const upMs = Date.now() - this.upSince;
    if (this.restarted && upMs < this.stableAfterMs) this.failures += 1;
    else this.failures = 0;
    this.logger.error('Local Neo4j exited unexpectedly', {
      pid: exit.pid,
      exitCode: exit.code,
      signal: exit.signal,
      upSeconds: Math.round(upMs / 1000),
      failedRestarts: this.failures,
    });
    this.options.onExit?.(exit);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    if (this.failures >= this.options.maxRestarts) {
      this.gaveUp = `local Neo4j did not stay up after ${this.failures} restarts (NEO4J_LOCAL_MAX_RESTARTS=${this.options.maxRestarts})`;
      this.logger.error(`Giving up on the local Neo4j: ${this.gaveUp}; /healthz now answers 503 so that the service is restarted.`);
      return;
    }
    const delay = restartBackoff(this.failures + 1, this.initialBackoffMs, this.maxBackoffMs);
    // Info: the exit was logged as the error; the restart is the expected answer to it.
    this.logger.info(`Restarting the local Neo4j in ${delay} ms`, { attempt: this.failures + 1, maxRestarts: this.options.maxRestarts });
    this.timer = setTimeout(() => {
      void this.restart();
    }, delay);
    this.timer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopped) return;
    const started = Date.now();
    try {
      await this.neo4j.start();
    } catch (error) {
      if (this.isStopped()) return; // the service is shutting down meanwhile
      this.failures += 1;
      this.options.onRestart?.('failed');
      // The start error carries the JVM's last stderr lines: keep only the first line, no stack.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      this.logger.warn('Local Neo4j did not restart', { attempt: this.failures, reason });
      this.scheduleRestart();
      return;
    }
    this.upSince = Date.now();
    this.restarted = true;
    this.options.onRestart?.('ok');
    this.logger.info(`Local Neo4j restarted in ${Math.round((Date.now() - started) / 100) / 10} s (pid ${this.neo4j.pid ?? '?'})`);
  }
}
