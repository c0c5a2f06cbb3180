import { readFile } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import { prepareGraph } from '../generate/prepare-graph.js';
const prepared = await prepareGraph({ size: '10k', seed: 20161215, reload: false, heapMiB: 4096, pageCacheMiB: 2048, log: console.log });
const driver = neo4j.driver(prepared.neo4j.uri);
const cpu = async (pid: number) => { const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const me = process.pid;
for (const round of [1, 2, 3]) for (const [label, q] of [['return 1', 'RETURN 1'], ['seek', 'MATCH (n:Entity {id: $id}) RETURN n.name'], ['seek-proj', 'MATCH (n:Entity {id: $id}) RETURN n {.*} AS n']] as const) {
  for (const mode of ['session.run same session', 'session per query', 'executeRead per query']) {
    const session = driver.session({ database: 'neo4j' });
    const once = async () => {
      if (mode === 'session.run same session') return session.run(q, { id: 'syn-event-4' });
      const s = driver.session({ database: 'neo4j' });
      try { return mode === 'executeRead per query' ? await s.executeRead((tx) => tx.run(q, { id: 'syn-event-4' })) : await s.run(q, { id: 'syn-event-4' }); } finally { await s.close(); }
    };
    for (let i = 0; i < 50; i++) await once();
    const [b, m] = [await cpu(prepared.neo4j.pid!), await cpu(me)];
    const t = performance.now();
    const N = 300;
    for (let i = 0; i < N; i++) await once();
    console.log(`${round} ${label.padEnd(10)} ${mode.padEnd(26)} wall ${((performance.now() - t) / N).toFixed(2)} ms  neo4j CPU ${(((await cpu(prepared.neo4j.pid!)) - b) / N).toFixed(2)} ms  node CPU ${(((await cpu(me)) - m) / N).toFixed(2)} ms`);
    await session.close();
  }
}
await driver.close();
await prepared.neo4j.stop();
