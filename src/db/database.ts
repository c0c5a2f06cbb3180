import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { Availability } from './availability.js';
import { DatabaseUnavailableError, isConnectivityError, mapNeo4jError } from './database-errors.js';
import { toPlain } from './to-plain.js';

/** Observes every round trip to Neo4j (request counters, Prometheus metrics). */
export type RoundTripObserver = (operation: string, durationMs: number, failed: boolean) => void;

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface DatabaseOptions {
  readonly database: string;
  readonly queryTimeoutMs: number;
  /** How long a read keeps retrying transient errors (default 3000 ms; NEO4J_MAX_RETRY_MS). */
  readonly maxRetryMs?: number;
  readonly observe?: RoundTripObserver;
  /** While Neo4j is unreachable, how often to probe whether it is back (default 1000 ms). */
  readonly probeIntervalMs?: number;
  /** Told when Neo4j becomes unreachable (false) and when it answers again (true). */
  readonly onAvailabilityChange?: (available: boolean) => void;
}

/**
 * The only code that opens Neo4j sessions. Reads are single auto-commit
 * queries retried here on transient errors; writes are managed transactions
 * (the driver retries them). Both name the operation in transaction metadata
 * and return plain rows. Once Neo4j is found unreachable, round trips fail
 * fast until a background probe sees it back.
 */
export class Database {
  private readonly availability: Availability;

  constructor(
    readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {
    this.availability = new Availability(() => this.probe(), options.probeIntervalMs ?? 1000, options.onAvailabilityChange);
  }

  /** False while Neo4j is known to be unreachable (requests fail fast then). */
  get available(): boolean {
    return this.availability.available;
  }

  /**
   * Runs one read query as one round trip; `operation` names it in logs and Neo4j's query log.
   *
   * A read is a single statement, so an auto-commit transaction is the same
   * unit of work as a managed one without BEGIN and COMMIT: one Bolt exchange
   * instead of three writes and two waits, which under load was a tenth of
   * the server's CPU (bench/RESULTS.md). What the managed transaction gave,
   * retries of transient errors, `withRetries` keeps.
   */
  async read(operation: string, query: string, params: Params = {}, observe?: RoundTripObserver): Promise<Row[]> {
    const started = performance.now();
    let failed = false;
    try {
      return await this.withRetries(() => this.readOnce(operation, query, params));
    } catch (error) {
      failed = true;
      throw this.failure(error);
    } finally {
      const elapsed = performance.now() - started;
      this.options.observe?.(operation, elapsed, failed);
      observe?.(operation, elapsed, failed);
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does.
   * Writes (schema, seed) do not fail fast while Neo4j is down: they ride on
   * the driver's retries, so that they can run the moment Neo4j is back.
   * `timeoutMs` overrides the server's transaction timeout (60 s for the local
   * Neo4j) for long writes such as loading a graph.
   */
  async write<T>(operation: string, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(this.guarded(work), { metadata: metadata(operation), ...(timeoutMs ? { timeout: timeoutMs } : {}) });
    } catch (error) {
      throw this.failure(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one write statement that commits as it goes (`CALL { … } IN TRANSACTIONS`,
   * for bulk loads): Neo4j allows that only in an auto-commit transaction. Not
   * retried (batches already committed stay), so callers make it idempotent
   * (MERGE on ids). Returns the statement's update counters.
   */
  async writeInBatches(operation: string, query: string, params: Params, timeoutMs?: number): Promise<Record<string, number>> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.run(query, params, { metadata: metadata(operation), ...(timeoutMs ? { timeout: timeoutMs } : {}) });
      return result.summary.counters.updates();
    } catch (error) {
      throw this.failure(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Streams the rows of one read query as plain values, for exports. Records are
   * pulled in batches only as fast as the consumer takes them (the driver's
   * async iterator applies backpressure), so memory stays bounded however many
   * rows match. Not retried: rows already handed on cannot be taken back.
   * Stopping early (`break`, `return()`) closes the session and discards the rest.
   */
  async *stream(operation: string, query: string, params: Params = {}, timeoutMs = this.options.queryTimeoutMs): AsyncGenerator<Row> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    const started = performance.now();
    let failed = false;
    try {
      const result = session.run(compactCypher(query), params, { timeout: timeoutMs, metadata: metadata(operation) });
      for await (const record of result) yield toPlain(record.toObject()) as Row;
    } catch (error) {
      failed = true;
      throw this.failure(error);
    } finally {
      await session.close();
      this.options.observe?.(operation, performance.now() - started, failed);
    }
  }

  /** Succeeds when Neo4j answers a trivial query. */
  async ping(): Promise<void> {
    await this.read('ping', 'RETURN 1 AS ok');
  }

  close(): Promise<void> {
    this.availability.stop();
    return this.driver.close();
  }

  private assertAvailable(): void {
    if (!this.availability.available) throw new DatabaseUnavailableError('The graph database is unavailable; try again shortly.');
  }

  private failure(error: unknown): unknown {
    if (isConnectivityError(error)) this.availability.suspect();
    return mapNeo4jError(error);
  }

  /**
   * Wraps write work for the driver's retry loop: a connectivity error
   * mid-attempt is reported to the breaker at once, not only after the last retry.
   */
  private guarded<T>(work: (tx: ManagedTransaction) => Promise<T>): (tx: ManagedTransaction) => Promise<T> {
    return async (tx) => {
      try {
        return await work(tx);
      } catch (error) {
        if (isConnectivityError(error)) this.availability.suspect();
        throw error;
      }
    };
  }

  /**
   * Runs `attempt` until it succeeds, fails with an error that is not
   * transient, or `maxRetryMs` has passed, backing off exponentially with
   * jitter (as the driver's managed transactions do). Once the breaker knows
   * Neo4j is down, no attempt starts and the retries stop.
   */
  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    this.assertAvailable();
    const deadline = performance.now() + (this.options.maxRetryMs ?? 3_000);
    for (let delayMs = 100; ; delayMs *= 2) {
      try {
        return await attempt();
      } catch (error) {
        if (isConnectivityError(error)) this.availability.suspect();
        const wait = delayMs * (0.8 + 0.4 * Math.random());
        if (!isRetryableError(error) || performance.now() + wait > deadline) throw error;
        await sleep(wait);
        // The breaker's probe confirmed Neo4j is gone: stop, reporting what the attempt met.
        if (!this.availability.available) throw error;
      }
    }
  }

  private async readOnce(operation: string, query: string, params: Params): Promise<Row[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(compactCypher(query), params, { timeout: this.options.queryTimeoutMs, metadata: metadata(operation) });
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } finally {
      await session.close();
    }
  }

  /** One auto-commit query without the driver's retries: answers "is Neo4j back?" quickly. */
  private async probe(): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
  }
}

const compacted = new Map<string, string>();

/**
 * A query text without the indentation of the source it was written in. The
 * driver packs the text into every request byte by byte (measured: a 3.8 KB
 * search text cost our server 0.3 ms per request, bench:focus at 100k), and
 * Neo4j caches plans by the exact text, so the same text must always compact
 * the same way. Lines stay lines: a \`//\` comment still ends at its line.
 */
function compactCypher(text: string): string {
  let compact = compacted.get(text);
  if (compact === undefined) {
    compact = text.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    // Texts are few (one per query shape); the cap only guards against a caller that embeds values.
    if (compacted.size >= 2_000) compacted.clear();
    compacted.set(text, compact);
  }
  return compact;
}

/** Transaction metadata naming the app and the operation, for Neo4j's query log and `SHOW TRANSACTIONS`. */
function metadata(operation: string): Record<string, string> {
  return { app: 'russia-japan-graph', operation };
}

/**
 * Creates the driver for `uri` (bolt://, neo4j://, neo4j+s:// ...). Connecting
 * gives up after `connectTimeoutMs` (NEO4J_CONNECT_TIMEOUT_MS), waiting for a
 * pooled connection after 5 s; transient errors are retried for `maxRetryMs`
 * (NEO4J_MAX_RETRY_MS).
 */
export function createDriver(uri: string, user: string, password: string, maxRetryMs = 3_000, connectTimeoutMs = 3_000): Driver {
  // No password: the local, loopback-only Neo4j runs without auth.
  const auth = password === '' ? undefined : neo4j.auth.basic(user, password);
  return neo4j.driver(uri, auth, {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: connectTimeoutMs,
    maxTransactionRetryTime: maxRetryMs,
    disableLosslessIntegers: false,
  });
}
