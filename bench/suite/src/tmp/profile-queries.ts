import { createApp } from '../../../../src/app.js';
import { loadConfig } from '../../../../src/config.js';
import { createDriver, Database, type Params } from '../../../../src/db/database.js';
import { prepareGraph } from '../generate/prepare-graph.js';
import { sampleParams } from '../workloads/sample-params.js';
import { requestFor, type WorkloadName } from '../workloads/workloads.js';

const size = (process.argv[2] ?? '10k') as '10k';
const workloads = (process.argv[3] ?? 'entity-2-levels').split(',') as WorkloadName[];
const prepared = await prepareGraph({ size, seed: 20161215, reload: false, heapMiB: 4096, pageCacheMiB: 2048, log: console.log });
const captured: { op: string; query: string; params: Params }[] = [];
class Capturing extends Database {
  override read(op: string, query: string, params: Params = {}, observe?: Parameters<Database['read']>[3]) {
    captured.push({ op, query, params });
    return super.read(op, query, params, observe);
  }
}
const db = new Capturing(createDriver(prepared.neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 60_000 });
const config = loadConfig({ LOG_LEVEL: 'warn', NEO4J_URI: prepared.neo4j.uri });
const app = createApp(db, config);
const params = await sampleParams(db, 20161215, 200);
captured.length = 0;
for (const w of workloads) {
  for (const p of params[w].slice(0, 3)) {
    const req = requestFor('ours', p);
    const res = await app.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: req.body });
    const body = await res.json() as { extensions?: unknown };
    console.log(w, JSON.stringify(body.extensions));
  }
}
import { readFile } from 'node:fs/promises';
const cpu = async (pid: number) => { const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const session = db.driver.session({ database: 'neo4j' });
const seen = new Set<string>();
for (const c of captured) {
  const key = c.op + c.query.length;
  if (seen.has(key)) continue;
  seen.add(key);
  for (let i = 0; i < 20; i++) await session.run(c.query, c.params);
  const before = await cpu(prepared.neo4j.pid!);
  const t = performance.now();
  const N = 200;
  for (let i = 0; i < N; i++) await session.run(c.query, c.params);
  const ms = (performance.now() - t) / N;
  const cpuMs = ((await cpu(prepared.neo4j.pid!)) - before) / N;
  console.log(`${c.op.padEnd(22)} wall ${ms.toFixed(2)} ms, Neo4j CPU ${cpuMs.toFixed(2)} ms  keys=${Array.isArray(c.params['keys']) ? (c.params['keys'] as unknown[]).length : '-'}`);
}
await session.close();
await db.close();
await prepared.neo4j.stop();
