import { Kind, valueFromASTUntyped, type DocumentNode, type FieldNode, type ValueNode } from 'graphql';

/** Looks up a variable's value for the limit rules: the request's value, else the operation's default. */
export type VariableLookup = (name: string) => unknown;

/**
 * Variable values as the limit rules see them before execution: what the
 * request sent, else the default declared in the document (first operation
 * that declares the variable). Raw values: graphql-js coerces them later.
 */
export function variableLookup(document: DocumentNode, variables: Readonly<Record<string, unknown>> | null | undefined): VariableLookup {
  return (name) => {
    if (variables && Object.hasOwn(variables, name) && variables[name] !== undefined) return variables[name];
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const declared = definition.variableDefinitions?.find((v) => v.variable.name.value === name);
      if (declared?.defaultValue) return valueFromASTUntyped(declared.defaultValue);
    }
    return undefined;
  };
}

/** The value of argument `name` on `field` (literal or variable), or undefined when it is not given. */
export function argumentValue(field: FieldNode, name: string, lookup: VariableLookup): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return undefined;
  return valueOf(argument.value, lookup) ?? undefined;
}

/** A literal's value with the variables inside it (`filter: { ids: $ids }`) looked up. */
function valueOf(node: ValueNode, lookup: VariableLookup): unknown {
  if (node.kind === Kind.VARIABLE) return lookup(node.name.value);
  if (node.kind === Kind.LIST) return node.values.map((item) => valueOf(item, lookup));
  if (node.kind === Kind.OBJECT) return Object.fromEntries(node.fields.map((field) => [field.name.value, valueOf(field.value, lookup)]));
  return valueFromASTUntyped(node);
}
