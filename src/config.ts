import { documentsDirectoryFrom } from './seed/seed-folders.js';

/**
 * Environment → typed, validated configuration. Every bad value is reported,
 * each with the variable's name, in one ConfigError.
 */
export interface Limits {
  /** Deepest selection set a query may have. */
  readonly maxDepth: number;
  /** Highest estimated cost (pagination arguments multiply). */
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** Largest `first`/`last`/`limit` a list accepts. */
  readonly maxPageSize: number;
  readonly maxHops: number;
  readonly maxNeighborhoodDepth: number;
  /** Most entities an ego network (`network(id:, depth:)`) may reach before it is refused as NETWORK_TOO_LARGE. */
  readonly maxNetworkNodes: number;
  /** Neo4j transaction timeout per query. */
  readonly queryTimeoutMs: number;
  /** Largest request body yoga reads (413 beyond). */
  readonly maxRequestBytes: number;
  /** Most operations one curation batch may carry. */
  readonly maxCurationBatch: number;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  /** Unset: start the local Neo4j from Maven Central jars. */
  readonly neo4jUri: string | undefined;
  readonly neo4jUser: string;
  readonly neo4jPassword: string;
  readonly neo4jDatabase: string;
  readonly localBoltPort: number;
  /** Folder under `.neo4j/` holding the local Neo4j's databases. */
  readonly localDataDir: string;
  /** How long to wait for the local Neo4j to come up (slow or busy machines need longer). */
  readonly localStartTimeoutMs: number;
  /** Failed restarts in a row after which the local Neo4j's supervisor gives up (then /healthz answers 503). */
  readonly localMaxRestarts: number;
  /** Load the seed graph at start when the database holds no entities. */
  readonly seedOnStart: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Origins allowed to call the API from a browser (CORS); empty means any origin, without credentials. */
  readonly corsOrigins: readonly string[];
  /** How long the driver retries transient errors (neo4j-driver's maxTransactionRetryTime). */
  readonly neo4jMaxRetryMs: number;
  /** How long the driver waits to open a connection to Neo4j. */
  readonly neo4jConnectTimeoutMs: number;
  /** While Neo4j is unreachable, how often a probe checks whether it is back. */
  readonly neo4jProbeIntervalMs: number;
  /**
   * Folder holding the source documents (SEED_DOCUMENTS_DIR; default `../shared/seeds` beside
   * the project). Citations quote their lines from there; without it, quotes are null.
   */
  readonly seedDocumentsDir: string;
  readonly limits: Limits;
  /** Reads need no API key (READS_REQUIRE_KEY=false, the default). */
  readonly publicReads: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Reads the configuration from `env`; throws ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  };

  const neo4jUri = env['NEO4J_URI'] || undefined;
  if (neo4jUri !== undefined) {
    const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/.exec(neo4jUri)?.[1];
    if (!scheme || !URI_SCHEMES.includes(scheme)) {
      problems.push(`NEO4J_URI="${neo4jUri}" must be a Neo4j URI such as bolt://host:7687, neo4j://host or neo4j+s://host`);
    }
  }
  const localDataDir = env['NEO4J_LOCAL_DATA_DIR'];
  if (localDataDir !== undefined && localDataDir !== '' && !/^[\w.-]+$/.test(localDataDir)) {
    problems.push(`NEO4J_LOCAL_DATA_DIR="${localDataDir}" must be a plain folder name (letters, digits, . _ -)`);
  }
  const corsOrigins = (env['CORS_ORIGINS'] ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '' && origin !== '*');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS has "${origin}": each origin must look like https://example.org (scheme and host, no path)`);
  }
  const logLevel = (env['LOG_LEVEL'] ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);

  const config: Config = {
    host: env['HOST'] || '127.0.0.1',
    port: int('PORT', 4000, 0, 65535),
    production: env['NODE_ENV'] === 'production',
    neo4jUri,
    neo4jUser: env['NEO4J_USER'] || 'neo4j',
    neo4jPassword: env['NEO4J_PASSWORD'] ?? '',
    neo4jDatabase: env['NEO4J_DATABASE'] || 'neo4j',
    localBoltPort: int('NEO4J_LOCAL_BOLT_PORT', 7687, 0, 65535),
    localDataDir: env['NEO4J_LOCAL_DATA_DIR'] || 'data',
    localStartTimeoutMs: int('NEO4J_LOCAL_START_TIMEOUT_MS', 120_000, 10_000, 3_600_000),
    localMaxRestarts: int('NEO4J_LOCAL_MAX_RESTARTS', 5, 0, 1000),
    seedOnStart: bool('SEED_ON_START', true),
    logLevel,
    corsOrigins,
    neo4jMaxRetryMs: int('NEO4J_MAX_RETRY_MS', 3000, 0, 60_000),
    neo4jConnectTimeoutMs: int('NEO4J_CONNECT_TIMEOUT_MS', 3000, 100, 120_000),
    neo4jProbeIntervalMs: int('NEO4J_PROBE_INTERVAL_MS', 1000, 100, 60_000),
    seedDocumentsDir: documentsDirectoryFrom(env),
    limits: {
      maxDepth: int('MAX_QUERY_DEPTH', 12, 1, 100),
      maxCost: int('MAX_QUERY_COST', 50_000, 1, 10_000_000),
      maxAliases: int('MAX_ALIASES', 30, 1, 1000),
      maxTokens: int('MAX_TOKENS', 2000, 10, 100_000),
      maxDirectives: int('MAX_DIRECTIVES', 20, 0, 1000),
      maxPageSize: int('MAX_PAGE_SIZE', 100, 1, 10_000),
      maxHops: int('MAX_PATH_HOPS', 6, 1, 15),
      maxNeighborhoodDepth: int('MAX_NEIGHBORHOOD_DEPTH', 3, 1, 6),
      maxNetworkNodes: int('MAX_NETWORK_NODES', 20_000, 10, 1_000_000),
      queryTimeoutMs: int('QUERY_TIMEOUT_MS', 10_000, 100, 600_000),
      maxRequestBytes: int('MAX_REQUEST_BYTES', 100_000, 1000, 100_000_000),
      maxCurationBatch: int('MAX_CURATION_BATCH', 100, 1, 1000),
    },
    publicReads: !bool('READS_REQUIRE_KEY', false),
  };
  if (neo4jUri !== undefined && config.neo4jPassword === '' && !/^bolt:\/\/(localhost|127\.)/.test(neo4jUri)) {
    problems.push('NEO4J_PASSWORD must be set when NEO4J_URI points at a remote server');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
