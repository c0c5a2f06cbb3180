import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { truncationsOf } from '../schema/truncation.js';

/**
 * Says in `extensions.truncated` which plain lists (search, timeline,
 * interlocks, paths) were cut at their cap: `[{ path, argument, returned }]`,
 * one entry per cut list; absent when nothing was cut. Connections say it
 * with `totalCount` and `pageInfo`, and subgraphs and networks with their
 * `truncated` field.
 */
export function truncationReport(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const context = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const truncated = truncationsOf(context);
          if (truncated.length === 0) return;
          setResult({ ...result, extensions: { ...result.extensions, truncated } });
        },
      };
    },
  };
}
