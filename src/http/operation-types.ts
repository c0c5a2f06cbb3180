import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Adds knownOperationTypesRule to validation (yoga caches the result per document). */
export function operationTypes(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypesRule);
    },
  };
}

/**
 * Validation rule: an operation whose type the schema does not have
 * (`subscription`; `mutation` too where a schema has no Mutation type) is a request error with
 * code OPERATION_NOT_SUPPORTED, 400 with `application/graphql-response+json`,
 * instead of reaching the executor, which fails on it unexpectedly
 * (graphql-jit: "No root type for operation"). graphql-js 16 has no such
 * rule; graphql-js 17 adds KnownOperationTypesRule.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      if (schema.getRootType(node.operation)) return;
      const supported = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION].filter((type) => schema.getRootType(type)).map((type) => (type === OperationTypeNode.QUERY ? 'queries' : `${type}s`));
      context.reportError(
        new GraphQLError(`This API does not support ${node.operation}s: it answers ${supported.join(' and ')} only.`, {
          nodes: [node],
          extensions: { code: 'OPERATION_NOT_SUPPORTED' },
        }),
      );
    },
  };
}
