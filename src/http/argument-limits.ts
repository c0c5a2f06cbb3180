import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import type { Limits } from '../config.js';
import { boundedInt, pageSize } from '../schema/arguments.js';
import { argumentValue, variableLookup } from './argument-values.js';
import { idLists } from './id-lists.js';
import { SIZE_ARGUMENTS } from './query-cost.js';

type ArgumentLimits = Pick<Limits, 'maxPageSize' | 'maxHops' | 'maxNeighborhoodDepth'>;

/**
 * Validation rule checking page sizes (`first`, `last`, `limit`: MAX_PAGE_SIZE),
 * the length of every id list (`nodes(ids:)`, `filter.ids`, `excludeIds`:
 * MAX_PAGE_SIZE, since each id fetches an entity), `maxHops`
 * (MAX_PATH_HOPS) and `depth` (MAX_NEIGHBORHOOD_DEPTH) before
 * execution, literals and variables alike, with the same messages as the
 * resolvers' own checks (which stay, as the last line of defence).
 */
export function argumentLimitsRule(limits: ArgumentLimits, variables?: Readonly<Record<string, unknown>> | null) {
  return (context: ValidationContext): ASTVisitor => {
    const lookup = variableLookup(context.getDocument(), variables);
    return {
      Field(node) {
        const field = context.getFieldDef();
        if (!field || !node.arguments?.length) return;
        for (const definition of field.args) {
          const value = argumentValue(node, definition.name, lookup);
          const name = definition.name;
          const tooLong = idLists(name, value, definition.type).find((list) => list.length > limits.maxPageSize);
          if (tooLong) {
            const argument = node.arguments.find((a) => a.name.value === name);
            context.reportError(
              new GraphQLError(`Argument "${tooLong.path}" lists ${tooLong.length} ids; the limit is ${limits.maxPageSize} (MAX_PAGE_SIZE).`, {
                nodes: argument ? [argument] : [node],
                extensions: { code: 'BAD_USER_INPUT', argument: tooLong.path },
              }),
            );
          }
          if (typeof value !== 'number') continue; // absent, null, or a type error graphql-js reports
          try {
            if ((SIZE_ARGUMENTS as readonly string[]).includes(name)) pageSize(name, value, 0, limits.maxPageSize);
            else if (name === 'maxHops') boundedInt(name, value, 1, limits.maxHops);
            else if (name === 'depth') boundedInt(name, value, 1, limits.maxNeighborhoodDepth);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            const argument = node.arguments.find((a) => a.name.value === name);
            context.reportError(new GraphQLError(error.message, { nodes: argument ? [argument] : [node], extensions: error.extensions }));
          }
        }
      },
    };
  };
}
