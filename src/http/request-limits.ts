import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';
import { argumentLimitsRule } from './argument-limits.js';
import { queryCostRule } from './query-cost.js';
import { queryLimitsRule } from './query-limits.js';

/**
 * Every limit on the shape of a request, checked before anything runs:
 * tokens while parsing (MAX_TOKENS); depth, aliases and directives with
 * validation (those depend on the text only, so yoga's validation cache keeps
 * them); cost and argument bounds just before execution, where the variables
 * are known. Rejections are request errors: 400 with
 * `application/graphql-response+json`, naming the limit and its value.
 */
export function requestLimits(limits: Limits): Plugin {
  const textRule = queryLimitsRule(limits);
  return {
    onParse({ setParseFn }) {
      setParseFn((source: string | Source, options?: ParseOptions) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /more th\w+ \d+ tokens/.test(error.message)) {
            throw new GraphQLError(`Syntax Error: the query has more than ${limits.maxTokens} tokens, the limit (MAX_TOKENS).`, {
              extensions: { code: 'QUERY_TOO_LARGE' },
            });
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(textRule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues as Readonly<Record<string, unknown>> | null | undefined;
      const errors = validate(args.schema as GraphQLSchema, args.document as DocumentNode, [queryCostRule(limits, variables), argumentLimitsRule(limits, variables)]);
      if (errors.length === 0) return;
      setResultAndStopExecution({
        errors: errors.map(
          (error) =>
            new GraphQLError(error.message, {
              nodes: error.nodes,
              // Yoga's convention for request errors: 400, except for legacy application/json clients (spec).
              extensions: { ...error.extensions, http: { status: 400, spec: true } },
            }),
        ),
      });
    },
  };
}
