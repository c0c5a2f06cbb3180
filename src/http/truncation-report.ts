import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { truncationsOf } from '../schema/truncation.js';
import { resultExtension } from './result-extension.js';

/**
 * Says in `extensions.truncated` which plain lists (search, timeline,
 * interlocks, paths) were cut at their cap: `[{ path, argument, returned }]`,
 * one entry per cut list; absent when nothing was cut. Connections say it
 * with `totalCount` and `pageInfo`, and subgraphs and networks with their
 * `truncated` field.
 */
export function truncationReport(): Plugin<Context> {
  return resultExtension('truncated', (context) => {
    const truncated = truncationsOf(context);
    return truncated.length === 0 ? undefined : truncated;
  });
}
