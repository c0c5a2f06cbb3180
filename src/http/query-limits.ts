import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Limits } from '../config.js';

/**
 * Validation rule enforcing depth and alias limits before execution; the
 * error names the limit and its value. Fragments are followed (and cycles,
 * which graphql-js reports itself, are cut).
 */
export function queryLimitsRule(limits: Pick<Limits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const measure = (set: SelectionSetNode, seen: Set<string>): { depth: number; aliases: number; directives: number } => {
      let depth = 0;
      let aliases = 0;
      let directives = 0;
      for (const selection of set.selections) {
        directives += selection.directives?.length ?? 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases += 1;
          if (selection.selectionSet) {
            const inner = measure(selection.selectionSet, seen);
            depth = Math.max(depth, inner.depth + 1);
            aliases += inner.aliases;
            directives += inner.directives;
          } else depth = Math.max(depth, 1);
        } else {
          let inner: SelectionSetNode | undefined;
          if (selection.kind === Kind.INLINE_FRAGMENT) inner = selection.selectionSet;
          else if (!seen.has(selection.name.value)) inner = fragments.get(selection.name.value)?.selectionSet;
          if (inner) {
            const next = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
            const m = measure(inner, next);
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
