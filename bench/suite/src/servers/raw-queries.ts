import { RAW_NEIGHBOURHOOD, RAW_PATHS } from './network-floor.js';

/**
 * The floor: for each workload, the Cypher a perfect server would send (one
 * round trip, only the fields the client asked for, top-k sorts, limits pushed
 * into the index), run through neo4j-driver with no GraphQL in between.
 */
export const RAW_QUERIES = {
  'entity-2-levels': `
    MATCH (e:Entity {id: $id})
    RETURN e.id AS id, e.name AS name, e.citations AS citations,
      COUNT { (e)<-[:PARTICIPATES_IN]-(:Entity) } AS totalCount,
      COLLECT {
        MATCH (e)<-[r:PARTICIPATES_IN]-(p:Entity)
        WITH r, p ORDER BY p.name, r.id LIMIT 20
        RETURN { id: r.id, role: r.role, citations: r.citations, other: {
          id: p.id, name: p.name, citations: p.citations,
          totalCount: COUNT { (p)-[:PARTICIPATES_IN]->(:Entity) },
          edges: COLLECT {
            MATCH (p)-[r2:PARTICIPATES_IN]->(m:Entity)
            WITH r2, m ORDER BY m.name, r2.id LIMIT 20
            RETURN { id: r2.id, role: r2.role, citations: r2.citations, other: { id: m.id, name: m.name } }
          }
        } }
      } AS edges`,
  'list-50': `
    MATCH (n:Person) WHERE n.name > $name OR (n.name = $name AND n.id > $id)
    WITH n ORDER BY n.name, n.id LIMIT 50
    RETURN n.id AS id, n.name AS name, n.citations AS citations,
      COUNT { (n)-[:PARTICIPATES_IN]->(:Entity) } AS totalCount,
      COLLECT {
        MATCH (n)-[r:PARTICIPATES_IN]->(m:Entity)
        WITH r, m ORDER BY m.name, r.id LIMIT 10
        RETURN { id: r.id, role: r.role, citations: r.citations, other: { id: m.id, name: m.name } }
      } AS events`,
  search: `
    CALL db.index.fulltext.queryNodes('entity_names', $query, { limit: 10 }) YIELD node, score
    RETURN node.id AS id, node.name AS name, head([l IN labels(node) WHERE l <> 'Entity']) AS type, node.citations AS citations, score`,
  // The network workloads, with our API's semantics (k cheapest routes, neighbourhoods with evidence folded into ties).
  paths: RAW_PATHS,
  'neighbourhood-2': RAW_NEIGHBOURHOOD,
} as const;

export type RawWorkload = keyof typeof RAW_QUERIES;

export function isRawWorkload(name: string): name is RawWorkload {
  return Object.hasOwn(RAW_QUERIES, name);
}

/** The whole graph as two streams, like our export reads it: nodes by id, then relationships by start node. */
export const RAW_EXPORT_NODES = `MATCH (n:Entity) RETURN n.id AS id, n.name AS name, head([l IN labels(n) WHERE l <> 'Entity']) AS type, n.citations AS citations`;
export const RAW_EXPORT_EDGES = `MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.citations AS citations`;
