import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, parse, type ParseOptions, type Source } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { DatabaseUnavailableError, QueryTimeoutError } from './db/database-errors.js';
import type { Database } from './db/database.js';
import { PLAYGROUND_EXAMPLES } from './http/playground-examples.js';
import { queryLimitsRule } from './http/query-limits.js';
import { checkReadiness } from './http/readiness.js';
import { schema } from './schema/index.js';

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/**
 * Builds the HTTP app: GraphQL (with local GraphiQL) at /graphql, plus
 * /healthz and /readyz. It does not listen: tests drive it with `app.fetch`.
 */
export function createApp(db: Database, config: Config): App {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(db, config.limits),
    landingPage: false,
    logging: config.logLevel === 'silent' ? false : config.logLevel,
    graphiql: {
      title: 'Russia–Japan relations graph',
      defaultTabs: PLAYGROUND_EXAMPLES.map(({ query }) => ({ query })),
    },
    renderGraphiQL,
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DatabaseUnavailableError) {
          return new GraphQLError(original.message, { extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } } });
        }
        if (original instanceof QueryTimeoutError) {
          return new GraphQLError(original.message, { extensions: { code: 'QUERY_TIMEOUT' } });
        }
        // Expected errors (bad arguments, limits) are GraphQLErrors thrown on purpose: show them.
        if (original instanceof GraphQLError) {
          return error instanceof GraphQLError && error !== original
            ? new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions })
            : original;
        }
        if (error instanceof GraphQLError && !error.originalError) return error;
        return new GraphQLError(isDev ? String(original) : message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    plugins: [healthRoutes(db), queryLimits(config), roundTripReport()],
  });
}

/** GET /healthz: the process is alive. GET /readyz: Neo4j answers and the schema is applied (503 and a reason otherwise). */
function healthRoutes(db: Database): Plugin {
  return {
    async onRequest(payload) {
      const { url } = payload;
      const endResponse = (response: Response): void => {
        payload.endResponse(response);
      };
      if (url.pathname === '/healthz') {
        endResponse(Response.json({ status: 'ok' }));
      } else if (url.pathname === '/readyz') {
        const readiness = await checkReadiness(db);
        endResponse(Response.json(readiness.ready ? { status: 'ready' } : { status: 'not ready', reason: readiness.reason }, { status: readiness.ready ? 200 : 503 }));
      }
    },
  };
}

/** Token, depth, alias and directive limits, checked before execution. */
function queryLimits(config: Config): Plugin {
  const rule = queryLimitsRule(config.limits);
  return {
    onParse({ setParseFn }) {
      setParseFn((source: string | Source, options?: ParseOptions) => parse(source, { ...options, maxTokens: config.limits.maxTokens }));
    },
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

/** Reports the request's Neo4j round trips in `extensions.neo4j` (the N+1 tests read it). */
function roundTripReport(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const context = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              neo4j: { roundTrips: context.roundTrips.count, timeMs: Math.round(context.roundTrips.timeMs) },
            },
          });
        },
      };
    },
  };
}
