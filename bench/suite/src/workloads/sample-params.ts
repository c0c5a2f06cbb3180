import type { Database } from '../../../../src/db/database.js';
import { createRandom, type Random } from '../generate/prng.js';
import type { WorkloadName, WorkloadParams } from './workloads.js';

/**
 * Draws `count` parameter sets per workload from the loaded graph with a fixed
 * seed, so every server and every run gets the same requests in the same order:
 * events that have participants, positions in the people list, words of real
 * names, random pairs of non-source entities, random centres.
 */
export async function sampleParams(db: Database, seed: number, count: number): Promise<Record<WorkloadName, WorkloadParams[]>> {
  const random = createRandom(seed);
  const events = await column(db, `MATCH (e:Event) WHERE EXISTS { (e)<-[:PARTICIPATES_IN]-() } RETURN e.id AS v ORDER BY v`);
  const people = await rows(db, `MATCH (n:Person) RETURN n.name AS name, n.id AS id ORDER BY name, id`);
  const entities = await column(db, `MATCH (n:Entity) WHERE NOT n:Source RETURN n.id AS v ORDER BY v`);
  const names = await column(db, `MATCH (n:Entity) WHERE NOT n:Source RETURN n.name AS v ORDER BY n.id`);
  const times = <T>(make: () => T): T[] => Array.from({ length: count }, make);
  return {
    'entity-2-levels': times(() => ({ workload: 'entity-2-levels', id: random.pick(events) })),
    'list-50': times(() => {
      // Start anywhere but the last page, so every page is full.
      const start = people[random.int(Math.max(1, people.length - 50))] ?? { name: '', id: '' };
      return { workload: 'list-50', afterName: start.name, afterId: start.id };
    }),
    search: times(() => ({ workload: 'search', text: searchText(random.pick(names), random) })),
    paths: times(() => {
      const from = random.pick(entities);
      let to = random.pick(entities);
      if (to === from) to = entities[(entities.indexOf(from) + 1) % entities.length] ?? to;
      return { workload: 'paths', from, to };
    }),
    'neighbourhood-2': times(() => ({ workload: 'neighbourhood-2', id: random.pick(entities) })),
  };
}

/** One or two words of a name, as someone would type them. */
function searchText(name: string, random: Random): string {
  const words = name.split(/\s+/).filter((w) => /^[\p{L}]{3,}$/u.test(w));
  if (words.length === 0) return name;
  const first = random.int(words.length);
  return words.slice(first, first + 1 + random.int(2)).join(' ');
}

async function column(db: Database, query: string): Promise<string[]> {
  return (await db.read('bench-sample', query)).map((row) => String(row['v']));
}

async function rows(db: Database, query: string): Promise<{ name: string; id: string }[]> {
  return (await db.read('bench-sample', query)).map((row) => ({ name: String(row['name']), id: String(row['id']) }));
}
