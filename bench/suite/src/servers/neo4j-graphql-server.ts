/**
 * The @neo4j/graphql 7 server the benchmark compares against: the equivalent
 * type definitions (neo4j-graphql-type-defs.ts) over the same Neo4j, served by
 * a minimal HTTP handler that, like yoga, caches parsed and validated
 * documents, so the library pays only for what it does per request.
 * Env: NEO4J_URI.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { execute, parse, validate, type DocumentNode } from 'graphql';
import neo4j from 'neo4j-driver';
import { createServer, listenAndAnnounce, readBody, sendJson } from './http-json.js';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql-type-defs.js';

/** The same transaction timeout as our API's default (QUERY_TIMEOUT_MS). */
const QUERY_TIMEOUT_MS = 10_000;

const uri = process.env['NEO4J_URI'];
if (!uri) throw new Error('NEO4J_URI must be set');
// The same pool settings as our API (src/db/database.ts).
const driver = neo4j.driver(uri, undefined, { maxConnectionPoolSize: 50, connectionAcquisitionTimeout: 5_000, connectionTimeout: 5_000 });
const library = new Neo4jGraphQL({
  typeDefs: neo4jGraphqlTypeDefs(),
  driver,
  // Keyset pages over names need `name > x`, off by default for strings.
  features: { filters: { String: { GT: true, LT: true, GTE: true, LTE: true } } },
});
const schema = await library.getSchema();
// Fails unless the database has the APOC functions the library needs.
await library.checkNeo4jCompat();

const documents = new Map<string, DocumentNode>();

const server = createServer((request, response) => {
  void (async () => {
    try {
      const { query, variables } = JSON.parse(await readBody(request)) as { query: string; variables?: Record<string, unknown> };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        const errors = validate(schema, document);
        if (errors.length > 0) {
          sendJson(response, 400, JSON.stringify({ errors }));
          return;
        }
        documents.set(query, document);
      }
      const result = await execute({ schema, document, variableValues: variables ?? {}, contextValue: { transaction: { timeout: QUERY_TIMEOUT_MS } } });
      sendJson(response, 200, JSON.stringify(result));
    } catch (error) {
      sendJson(response, 500, JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  })();
});
listenAndAnnounce(server, () => driver.close());
