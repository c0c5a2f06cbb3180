import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const SUGGESTION = /\s*Did you mean .*$/s;

/** `error` without graphql-js's "Did you mean ...?" hint (which leaks field, argument and enum names). */
export function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * In production, strips field, argument, type and enum-value suggestions from
 * validation errors and from variable coercion errors (graphql-js 16 has no
 * switch for them), so that a schema whose introspection is off would not be
 * guessable either. Introspection itself stays available.
 */
export function hideSuggestions(production: boolean): Plugin {
  if (!production) return {};
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (!valid) setResult((result as readonly Error[]).map((error) => (error instanceof GraphQLError ? withoutSuggestion(error) : error)));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors) return;
          setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
        },
      };
    },
  };
}
