import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Limits } from '../config.js';

/**
 * Validation rule enforcing depth, alias and directive limits before
 * execution; the error names the limit and its value. Fragments are followed,
 * each measured once (so a fragment spread many times costs no more time than
 * its text), and cycles, which graphql-js reports itself, are cut.
 * Introspection subtrees do not count towards depth: graphql-js limits them.
 */
export function queryLimitsRule(limits: Pick<Limits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    type Measure = { depth: number; aliases: number; directives: number };
    const measured = new Map<string, Measure>();
    const measure = (set: SelectionSetNode, seen: Set<string>): Measure => {
      let depth = 0;
      let aliases = 0;
      let directives = 0;
      for (const selection of set.selections) {
        directives += selection.directives?.length ?? 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases += 1;
          if (selection.selectionSet) {
            const inner = measure(selection.selectionSet, seen);
            // Introspection (GraphiQL's query is 15 deep) is bounded by graphql-js's MaxIntrospectionDepthRule instead.
            depth = Math.max(depth, selection.name.value.startsWith('__') ? 1 : inner.depth + 1);
            aliases += inner.aliases;
            directives += inner.directives;
          } else depth = Math.max(depth, 1);
        } else {
          let m: Measure | undefined;
          if (selection.kind === Kind.INLINE_FRAGMENT) m = measure(selection.selectionSet, seen);
          else {
            const name = selection.name.value;
            m = measured.get(name);
            const inner = fragments.get(name)?.selectionSet;
            if (!m && inner && !seen.has(name)) {
              m = measure(inner, new Set([...seen, name]));
              measured.set(name, m);
            }
          }
          if (m) {
            depth = Math.max(depth, m.depth);
            aliases += m.aliases;
            directives += m.directives;
          }
        }
      }
      return { depth, aliases, directives };
    };
    return {
      OperationDefinition(node) {
        const { depth, aliases, directives } = measure(node.selectionSet, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth} (MAX_QUERY_DEPTH).`, { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } }));
        }
        if (aliases > limits.maxAliases) {
          context.reportError(new GraphQLError(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases} (MAX_ALIASES).`, { nodes: [node], extensions: { code: 'TOO_MANY_ALIASES' } }));
        }
        if (directives > limits.maxDirectives) {
          context.reportError(new GraphQLError(`Query uses ${directives} directives; the limit is ${limits.maxDirectives} (MAX_DIRECTIVES).`, { nodes: [node], extensions: { code: 'TOO_MANY_DIRECTIVES' } }));
        }
      },
    };
  };
}
