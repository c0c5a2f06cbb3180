import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
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
  readonly observe?: RoundTripObserver;
  /** While Neo4j is unreachable, how often to probe whether it is back (default 1000 ms). */
  readonly probeIntervalMs?: number;
  /** Told when Neo4j becomes unreachable (false) and when it answers again (true). */
  readonly onAvailabilityChange?: (available: boolean) => void;
}

/**
 * The only code that opens Neo4j sessions. Reads and writes go through managed
 * transactions (the driver retries transient errors), name the operation in
 * transaction metadata, and return plain rows. Once Neo4j is found
 * unreachable, round trips fail fast until a background probe sees it back.
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

  /** Runs one read query as one round trip; `operation` names it in logs and Neo4j's query log. */
  read(operation: string, query: string, params: Params = {}, observe?: RoundTripObserver): Promise<Row[]> {
    return this.run('READ', operation, this.guarded((tx) => tx.run(query, params), true), observe);
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does.
   * Writes (schema, seed) do not fail fast while Neo4j is down: they ride on
   * the driver's retries, so that they can run the moment Neo4j is back.
   */
  async write<T>(operation: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(this.guarded(work, false), { metadata: { app: 'russia-japan-graph', operation } });
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
      const result = session.run(query, params, { timeout: timeoutMs, metadata: { app: 'russia-japan-graph', operation } });
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
   * Wraps transaction work for the driver's retry loop: with `failFast`, each
   * attempt first checks the breaker (an error that is not a Neo4jError ends the retries),
   * and a connectivity error mid-attempt is reported at once, not only after
   * the last retry.
   */
  private guarded<T>(work: (tx: ManagedTransaction) => Promise<T>, failFast: boolean): (tx: ManagedTransaction) => Promise<T> {
    return async (tx) => {
      if (failFast) this.assertAvailable();
      try {
        return await work(tx);
      } catch (error) {
        if (isConnectivityError(error)) this.availability.suspect();
        throw error;
      }
    };
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

  private async run(
    mode: 'READ' | 'WRITE',
    operation: string,
    work: (tx: ManagedTransaction) => Promise<{ records: { toObject(): Row }[] }>,
    observe?: RoundTripObserver,
  ): Promise<Row[]> {
    this.assertAvailable();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const started = performance.now();
    let failed = false;
    try {
      const config = { timeout: this.options.queryTimeoutMs, metadata: { app: 'russia-japan-graph', operation } };
      const result = mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      failed = true;
      throw this.failure(error);
    } finally {
      await session.close();
      const elapsed = performance.now() - started;
      this.options.observe?.(operation, elapsed, failed);
      observe?.(operation, elapsed, failed);
    }
  }
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
