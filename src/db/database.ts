import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { mapNeo4jError } from './database-errors.js';
import { toPlain } from './to-plain.js';

/** Observes every round trip to Neo4j (request counters, Prometheus metrics). */
export type RoundTripObserver = (operation: string, durationMs: number, failed: boolean) => void;

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface DatabaseOptions {
  readonly database: string;
  readonly queryTimeoutMs: number;
  readonly observe?: RoundTripObserver;
}

/**
 * The only code that opens Neo4j sessions. Reads and writes go through managed
 * transactions (the driver retries transient errors), name the operation in
 * transaction metadata, and return plain rows.
 */
export class Database {
  constructor(
    readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  /** Runs one read query as one round trip; `operation` names it in logs and Neo4j's query log. */
  read(operation: string, query: string, params: Params = {}, observe?: RoundTripObserver): Promise<Row[]> {
    return this.run('READ', operation, (tx) => tx.run(query, params), observe);
  }

  /** Runs `work` in one write transaction: all of it commits or none of it does. */
  async write<T>(operation: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, { metadata: { app: 'russia-japan-graph', operation } });
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /** Succeeds when Neo4j answers a trivial query. */
  async ping(): Promise<void> {
    await this.read('ping', 'RETURN 1 AS ok');
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async run(
    mode: 'READ' | 'WRITE',
    operation: string,
    work: (tx: ManagedTransaction) => Promise<{ records: { toObject(): Row }[] }>,
    observe?: RoundTripObserver,
  ): Promise<Row[]> {
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
      throw mapNeo4jError(error);
    } finally {
      await session.close();
      const elapsed = performance.now() - started;
      this.options.observe?.(operation, elapsed, failed);
      observe?.(operation, elapsed, failed);
    }
  }
}

/** Creates the driver for `uri` (bolt://, neo4j://, neo4j+s:// ...). */
export function createDriver(uri: string, user: string, password: string): Driver {
  // No password: the local, loopback-only Neo4j runs without auth.
  const auth = password === '' ? undefined : neo4j.auth.basic(user, password);
  return neo4j.driver(uri, auth, {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
  });
}
