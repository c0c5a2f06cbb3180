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
  // Conditions over all of the path's nodes are checked during the search; over a
  // slice (nodes(p)[1..-1]) only afterwards, with an exhaustive fallback (see GraphStore.shortestPaths).
  paths: `
    MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    MATCH p = allShortestPaths((a)-[*..4]-(b))
    WHERE all(x IN nodes(p) WHERE x = a OR x = b OR NOT x:Source)
    WITH p LIMIT 10
    RETURN length(p) AS length,
      [x IN nodes(p) | { id: x.id, name: x.name }] AS nodes,
      [r IN relationships(p) | { id: r.id, type: type(r), citations: r.citations }] AS hops`,
  'neighbourhood-2': `
    MATCH (c:Entity {id: $id})
    CALL (c) {
      MATCH (c)-[*1..2]-(m:Entity)
      WITH DISTINCT m LIMIT 50
      RETURN collect(m) AS others
    }
    WITH [c] + others AS ns
    RETURN [x IN ns | { id: x.id, name: x.name, type: head([l IN labels(x) WHERE l <> 'Entity']) }] AS nodes,
      COLLECT {
        UNWIND ns AS x
        MATCH (x)-[r]->(y:Entity) WHERE y IN ns
        RETURN { id: r.id, type: type(r), from: x.id, to: y.id, citations: r.citations }
      } AS edges`,
} as const;

export type RawWorkload = keyof typeof RAW_QUERIES;

export function isRawWorkload(name: string): name is RawWorkload {
  return Object.hasOwn(RAW_QUERIES, name);
}

/** The whole graph as two streams, like our export reads it: nodes by id, then relationships by start node. */
export const RAW_EXPORT_NODES = `MATCH (n:Entity) RETURN n.id AS id, n.name AS name, head([l IN labels(n) WHERE l <> 'Entity']) AS type, n.citations AS citations`;
export const RAW_EXPORT_EDGES = `MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.citations AS citations`;
