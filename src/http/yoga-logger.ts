import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/database-errors.js';
import type { Logger } from '../logger.js';

/**
 * The logger yoga writes to. Yoga logs every error it masks at error level,
 * with its stack and without a request id, which includes expected ones: a
 * refused argument, the database being unavailable (once per request during an
 * outage). Those go to debug here, since the client sees them as they are and
 * requestLog logs the expected conditions (throttled, with the request id).
 * Unexpected errors stay at error level.
 */
export function yogaLogger(logger: Logger): Logger {
  return {
    ...logger,
    error: (...args: unknown[]) => {
      if (args.some((arg) => arg instanceof Error) && args.every((arg) => !(arg instanceof Error) || isExpected(arg))) logger.debug(...args);
      else logger.error(...args);
    },
  };
}

/** A GraphQLError raised on purpose (no other cause), or a database fault the client is told about. */
function isExpected(error: Error): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof DatabaseUnavailableError || current instanceof QueryTimeoutError) return true;
    if (!(current instanceof GraphQLError)) return false;
    if (!current.originalError) return true;
    current = current.originalError;
  }
  return false;
}
