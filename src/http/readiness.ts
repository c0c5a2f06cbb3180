import { missingSchema } from '../db/apply-schema.js';
import type { Database } from '../db/database.js';

export interface Readiness {
  readonly ready: boolean;
  readonly reason?: string;
}

/**
 * Ready means Neo4j answers and the schema is applied. Bounded by `timeoutMs`
 * so that a hung database turns readiness red quickly instead of hanging probes.
 */
export async function checkReadiness(db: Database, timeoutMs = 3000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => { resolve({ ready: false, reason: `Neo4j did not answer within ${timeoutMs} ms` }); }, timeoutMs);
  });
  const check = (async (): Promise<Readiness> => {
    try {
      const missing = await missingSchema(db);
      return missing.length === 0 ? { ready: true } : { ready: false, reason: `schema not applied: missing ${missing.join(', ')}` };
    } catch (error) {
      return { ready: false, reason: `Neo4j unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
  })();
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
