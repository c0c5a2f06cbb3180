import { Neo4jError, isRetryableError } from 'neo4j-driver';

/** Neo4j could not be reached (down, restarting, or out of connections). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A query ran past its transaction timeout. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/**
 * True when Neo4j cannot serve at all: the driver could not reach it (down,
 * restarting, network gone), or it answers that the database is unavailable
 * (shutting down, starting up).
 */
export function isConnectivityError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || error.code === 'Neo.TransientError.General.DatabaseUnavailable')
  );
}

/** Maps driver errors to the app's own; anything else passes through (and is masked upstream). */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (isConnectivityError(error) || isRetryableError(error)) {
    return new DatabaseUnavailableError('The graph database is unavailable; try again shortly.', { cause: error });
  }
  // Every pooled connection stayed busy for connectionAcquisitionTimeout: overload, not a bug.
  if (error.message.startsWith('Connection acquisition timed out')) {
    return new DatabaseUnavailableError('The graph database is busy; try again shortly.', { cause: error });
  }
  if (error.code.includes('TransactionTimedOut') || error.code.includes('Transaction.Terminated')) {
    return new QueryTimeoutError('The query took too long and was stopped.', { cause: error });
  }
  return error;
}
