/**
 * Structured logs: one JSON object per line (time, level, msg, then fields
 * such as requestId), on stdout, for a log shipper to read. Also serves as
 * yoga's logger, which passes strings, Errors and objects.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

const RANK = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

/** Creates a logger writing lines at `level` and above to `write` (stdout by default). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line), base: LogFields = {}): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, args: unknown[]): void => {
    if (RANK[at] < RANK[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: at, ...base, ...toFields(args) })}\n`);
  };
  return {
    debug: (...args) => { emit('debug', args); },
    info: (...args) => { emit('info', args); },
    warn: (...args) => { emit('warn', args); },
    error: (...args) => { emit('error', args); },
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}

/** Strings become `msg`, an Error becomes `err` (name, message, stack), plain objects are merged. */
function toFields(args: unknown[]): LogFields {
  const fields: LogFields = {};
  const words: string[] = [];
  for (const arg of args) {
    if (typeof arg === 'string') words.push(arg);
    else if (arg instanceof Error) {
      fields['err'] = serializeError(arg);
      if (words.length === 0) words.push(arg.message);
    } else if (arg !== null && typeof arg === 'object') Object.assign(fields, arg);
    else if (typeof arg === 'number' || typeof arg === 'boolean' || typeof arg === 'bigint') words.push(String(arg));
  }
  return words.length > 0 ? { msg: words.join(' '), ...fields } : fields;
}

/** An Error as plain JSON, with its cause chain (driver errors carry the Neo4j code there). */
export function serializeError(error: Error, depth = 0): LogFields {
  const out: LogFields = { name: error.name, message: error.message, stack: error.stack };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out['code'] = code;
  if (error.cause instanceof Error && depth < 3) out['cause'] = serializeError(error.cause, depth + 1);
  return out;
}

/** Writes one line per `key` at most every `intervalMs`; the next line written says how many were dropped. */
export type ThrottledLog = (level: 'info' | 'warn', key: string, msg: string, fields?: LogFields) => void;

/**
 * For expected conditions that repeat with every request (database
 * unavailable, malformed requests): one line per kind and second at most,
 * so that an outage or a flood of bad requests cannot flood the log.
 */
export function createThrottledLog(logger: Logger, intervalMs = 1000, now: () => number = Date.now): ThrottledLog {
  const last = new Map<string, { at: number; dropped: number }>();
  return (level, key, msg, fields = {}) => {
    const state = last.get(key);
    const time = now();
    if (state && time - state.at < intervalMs) {
      state.dropped += 1;
      return;
    }
    logger[level](msg, state && state.dropped > 0 ? { ...fields, droppedSinceLast: state.dropped } : fields);
    last.set(key, { at: time, dropped: 0 });
  };
}

/** An error in a log line without its stack: name, message, code, and the same of its causes. */
export function summarizeError(error: Error, depth = 0): LogFields {
  const out: LogFields = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out['code'] = code;
  if (error.cause instanceof Error && depth < 3) out['cause'] = summarizeError(error.cause, depth + 1);
  return out;
}
