/**
 * Where the paths workload's time goes (#12): for each of the bench's sampled pairs
 * (the same seed as bench:focus), the frontier search alone (its route count and
 * whether its bounds cut something) and the floor's whole search (frontier, then the
 * tiered fallback when it found nothing and cut), one request at a time, 20 s timeout.
 * The first pair also pays Neo4j's planning of both texts.
 *   npm --prefix bench/suite exec -- node --import tsx src/paths-pairs.ts --size=1m [--skip=0] [--pairs=40]
 */
import { createDriver, Database } from '../../../src/db/database.js';
import { routeSearchCypher } from '../../../src/db/path-search.js';
import { frontierSearchCypher } from '../../../src/db/route-frontiers.js';
import { prepareGraph } from './generate/prepare-graph.js';
import type { SizeName } from './generate/synthetic-graph.js';
import { pathsFloorParams, PATHS_MAX_HOPS } from './servers/network-floor.js';
import { walkRules } from '../../../src/db/walk-rules.js';
import { RELATIONSHIP_TYPES } from '../../../src/model/graph-model.js';
import { DEFAULT_WALK_LAYERS } from '../../../src/model/layers.js';
import { sampleParams } from './workloads/sample-params.js';

const argv = process.argv.slice(2);
const size = (argv.find((a) => a.startsWith('--size='))?.split('=')[1] ?? '10k') as SizeName;
const count = Number(argv.find((a) => a.startsWith('--pairs='))?.split('=')[1] ?? 40);
const skip = Number(argv.find((a) => a.startsWith('--skip='))?.split('=')[1] ?? 0);
const RULES = walkRules({ layers: DEFAULT_WALK_LAYERS, types: null, relationshipTypes: RELATIONSHIP_TYPES });

const prepared = await prepareGraph({ size, seed: 20161215, reload: false, heapMiB: 4096, pageCacheMiB: 2048, log: console.log });
const db = new Database(createDriver(prepared.neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 20_000 });
try {
  const pairs = (await sampleParams(db, 20161215, 200)).paths.slice(skip, skip + count) as { from: string; to: string }[];
  const frontier = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) CALL (a, b) {${frontierSearchCypher(RULES, { maxHops: PATHS_MAX_HOPS, limit: 20 })}
    } RETURN size(routes) AS n, cut`;
  const whole = routeSearchCypher(RULES, { maxHops: PATHS_MAX_HOPS, perTier: 10, withVia: false });
  const times: number[] = [];
  const wholeTimes: number[] = [];
  for (const { from, to } of pairs) {
    const params = pathsFloorParams(from, to);
    let t = performance.now();
    let line = `${from} -> ${to}: `;
    try {
      const rows = await db.read('frontier', frontier, params);
      const ms = performance.now() - t;
      times.push(ms);
      line += `frontier ${ms.toFixed(0)} ms, ${String(rows[0]?.['n'])} routes, cut ${String(rows[0]?.['cut'])}`;
    } catch (e) {
      line += `frontier failed ${(e as Error).message.slice(0, 80)}`;
    }
    t = performance.now();
    try {
      const rows = await db.read('whole', whole, params);
      const ms = performance.now() - t;
      wholeTimes.push(ms);
      line += `; whole ${ms.toFixed(0)} ms, ${rows.length} routes`;
    } catch (e) {
      wholeTimes.push(20_000);
      line += `; whole failed ${(e as Error).message.slice(0, 80)}`;
    }
    console.log(line);
  }
  const q = (xs: number[], p: number): number => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  console.log(`frontier p50 ${q(times, 0.5).toFixed(0)} p95 ${q(times, 0.95).toFixed(0)}; whole p50 ${q(wholeTimes, 0.5).toFixed(0)} p95 ${q(wholeTimes, 0.95).toFixed(0)}`);
} finally {
  await db.close();
  await prepared.neo4j.stop();
}
