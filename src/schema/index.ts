import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
import './enums.js';
import './citation.js';
import './entity.js';
import './relationship.js';
import './relationship-connection.js';
import './typed-relationships.js';
import './entities.js';
import './search.js';
import './tie.js';
import './subgraph.js';
import './paths.js';
import './network.js';
import './graph-queries.js';
import './subgraph-query.js';
import './source-support.js';
import './source-lines.js';
import './node-queries.js';
import './disagreement.js';
import './retracted.js';
import './mutations/revision.js';
import './mutations/curation-mutations.js';

/** The executable schema, built once from the type files imported above. */
export const schema: GraphQLSchema = builder.toSchema();

/** The SDL as committed in schema/schema.graphql. */
export function printSortedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}
