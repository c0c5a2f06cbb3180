import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { checkReadiness } from './readiness.js';

/**
 * GET /healthz: the process is alive (never touches Neo4j). GET /readyz: Neo4j
 * answers and the schema is applied; 503 and a reason otherwise, at once while
 * Neo4j is known to be unreachable.
 */
export function healthRoutes(db: Database): Plugin {
  return {
    async onRequest(payload) {
      const { url } = payload;
      if (url.pathname === '/healthz') {
        payload.endResponse(Response.json({ status: 'ok' }));
      } else if (url.pathname === '/readyz') {
        const readiness = await checkReadiness(db);
        payload.endResponse(
          Response.json(readiness.ready ? { status: 'ready' } : { status: 'not ready', reason: readiness.reason }, {
            status: readiness.ready ? 200 : 503,
            headers: { 'cache-control': 'no-store' },
          }),
        );
      }
    },
  };
}
