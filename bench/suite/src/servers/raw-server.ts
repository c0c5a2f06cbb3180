/**
 * The raw-Cypher floor as an HTTP server, so that it is measured the same way
 * as the two GraphQL servers: POST /raw/<workload> with the parameters as JSON
 * runs that workload's hand-written Cypher in one read transaction and answers
 * the records as JSON; GET /export/graphml streams the whole graph as minimal
 * GraphML straight from the driver's record stream. Env: NEO4J_URI.
 */
import neo4j from 'neo4j-driver';
import { createServer, listenAndAnnounce, readBody, sendJson } from './http-json.js';
import { isRawWorkload, RAW_EXPORT_EDGES, RAW_EXPORT_NODES, RAW_QUERIES } from './raw-queries.js';

/** The same transaction timeout as our API's default (QUERY_TIMEOUT_MS). */
const QUERY_TIMEOUT_MS = 10_000;

const uri = process.env['NEO4J_URI'];
if (!uri) throw new Error('NEO4J_URI must be set');
const driver = neo4j.driver(uri, undefined, {
  maxConnectionPoolSize: 50,
  connectionAcquisitionTimeout: 5_000,
  connectionTimeout: 5_000,
  disableLosslessIntegers: true,
});

const server = createServer((request, response) => {
  void (async () => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'GET' && url.pathname === '/export/graphml') {
        await exportGraphml(response);
        return;
      }
      const name = url.pathname.replace(/^\/raw\//, '');
      if (request.method !== 'POST' || !isRawWorkload(name)) {
        sendJson(response, 404, '{"error":"no such workload"}');
        return;
      }
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      // Whole numbers go as Neo4j integers (LIMIT and slices need them), as our API sends them.
      const params = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
      const { records } = await driver.executeQuery(RAW_QUERIES[name], params, { database: 'neo4j', routing: 'READ', transactionConfig: { timeout: QUERY_TIMEOUT_MS } });
      sendJson(response, 200, JSON.stringify({ data: records.map((record) => record.toObject()) }));
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, JSON.stringify({ errors: [{ message: String(error) }] }));
      else response.destroy();
    }
  })();
});

/** Streams nodes, then relationships, as GraphML, waiting for the socket to drain (bounded memory). */
async function exportGraphml(response: import('node:http').ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
  const write = async (text: string): Promise<void> => {
    if (!response.write(text)) await new Promise((resolve) => response.once('drain', resolve));
  };
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    let chunk = '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="directed">\n';
    for await (const record of session.run(RAW_EXPORT_NODES)) {
      const n = record.toObject() as { id: string; name: string; type: string; citations: string[] };
      chunk += `<node id="${xml(n.id)}"><data key="label">${xml(n.name)}</data><data key="type">${n.type}</data><data key="citations">${xml(n.citations.join(';'))}</data></node>\n`;
      if (chunk.length > 65_536) {
        await write(chunk);
        chunk = '';
      }
    }
    for await (const record of session.run(RAW_EXPORT_EDGES)) {
      const r = record.toObject() as { id: string; type: string; source: string; target: string; citations: string[] };
      chunk += `<edge id="${xml(r.id)}" source="${xml(r.source)}" target="${xml(r.target)}"><data key="type">${r.type}</data><data key="citations">${xml(r.citations.join(';'))}</data></edge>\n`;
      if (chunk.length > 65_536) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(`${chunk}</graph>\n</graphml>\n`);
    response.end();
  } finally {
    await session.close();
  }
}

function xml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

listenAndAnnounce(server, () => driver.close());
