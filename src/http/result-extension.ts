import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

/**
 * A plugin that adds `extensions[key]` to every single (non-streamed) result,
 * with what `value` reads from the request's context once execution is done;
 * nothing is added when it gives undefined.
 */
export function resultExtension(key: string, value: (context: Context) => unknown): Plugin<Context> {
  return {
    onExecute({ args }) {
      const context = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const extension = value(context);
          if (extension === undefined) return;
          setResult({ ...result, extensions: { ...result.extensions, [key]: extension } });
        },
      };
    },
  };
}
