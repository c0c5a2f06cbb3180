import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { checkReadiness } from './readiness.js';

/** Whether the service can still recover by itself; false when an outer supervisor should restart it. */
export type LivenessCheck = () => { readonly live: boolean; readonly reason?: string };

/**
 * GET /healthz: the process is alive (never touches Neo4j); 503 with a reason
 * when `liveness` says it cannot recover by itself (the local Neo4j's
 * supervisor gave up). GET /readyz: Neo4j answers and the schema is applied;
 * 503 and a reason otherwise, at once while Neo4j is known to be unreachable.
 */
export function healthRoutes(db: Database, liveness: LivenessCheck = () => ({ live: true })): Plugin {
  return {
    async onRequest(payload) {
      const { url } = payload;
      if (url.pathname === '/healthz') {
        const { live, reason } = liveness();
        payload.endResponse(
          Response.json(live ? { status: 'ok' } : { status: 'not live', reason }, { status: live ? 200 : 503, headers: { 'cache-control': 'no-store' } }),
        );
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
