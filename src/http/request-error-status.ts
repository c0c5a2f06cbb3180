import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * GraphQL over HTTP: a response without `data` is a request error and, with
 * `application/graphql-response+json`, MUST carry a 4xx/5xx status. Yoga does
 * this for parse and validation errors; this does it for the request errors
 * the executor (graphql-jit) finds when execution starts (variables that do not coerce, such
 * as an unknown enum value: code BAD_USER_INPUT). Legacy `application/json` clients keep 200.
 */
export function requestErrorStatus(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const { errors } = result as ExecutionResult;
          if ('data' in result || !errors?.length) return;
          setResult({
            ...result,
            errors: errors.map((error) => {
              // graphql-jit's own errors (variables that do not coerce) have no `extensions` at all.
              const extensions = (error.extensions as GraphQLError['extensions'] | undefined) ?? {};
              const http = extensions['http'] as Record<string, unknown> | undefined;
              if (http?.['status'] && extensions['code']) return error;
              return new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400, spec: true, ...http } },
              });
            }),
          });
        },
      };
    },
  };
}
