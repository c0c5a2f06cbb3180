import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { countAt, listFields, walkListFields, type Fillers, type ListFieldCase } from '../support/list-field-walker.js';
import { createTestApp } from '../support/test-app.js';

// Every list field with everything selected under it: lift the cost and size limits, not the walk.
const api = createTestApp({ MAX_QUERY_COST: '10000000', MAX_QUERY_DEPTH: '40', MAX_TOKENS: '100000', MAX_REQUEST_BYTES: '1000000' });
afterAll(() => api.close());

const SIZES = [1, 5, 20] as const;

/**
 * List fields left out on purpose, each with why. The walker reports any list
 * field it cannot put under a parent list; the test fails unless it is here.
 */
const SKIPPED: Readonly<Record<string, string>> = {
  'Query.history': 'one element\'s revisions: no argument sets its length, and the read-only seed graph has none',
  'CurationResult.ids': 'returned by curation mutations only: one result per request, never a list of them',
  'CurationResult.revisions': 'returned by curation mutations only: one result per request, never a list of them',
  'Revision.citations': 'revisions come from curation writes (none in the read-only seed graph) and `history(id)` lists one element\'s',
  // Read in one query for all keys (src/db/retracted-facts.ts); their citations come from the fact itself.
  'RetractedFacts.entities': 'the read-only seed graph has no retracted facts (read in curation-exports and explorer-provenance tests)',
  'RetractedFacts.relationships': 'the read-only seed graph has no retracted facts (read in curation-exports and explorer-provenance tests)',
  'RetractedEntity.citations': 'the read-only seed graph has no retracted facts; citations are read from the fact, no query',
  'RetractedRelationship.citations': 'the read-only seed graph has no retracted facts; citations are read from the fact, no query',
};

let fillers: Fillers;
beforeAll(async () => {
  const res = await api.gql<{ entities: { nodes: { id: string; key: string }[] } }>(
    '{ entities(first: 60, orderBy: NAME_ASC) { nodes { id key } } }',
  );
  const nodes = res.data!.entities.nodes;
  const byKey = (key: string): string => nodes.find((n) => n.key === key)?.id ?? key;
  // Two real actors first (routes, interlocks), then the rest for lists of ids.
  const ids = ['japan', 'russia'].map(byKey);
  for (const n of nodes) if (!ids.includes(n.id)) ids.push(n.id);
  fillers = { ids, key: 'japan', text: 'Japan' };
});

interface Measure {
  trips: number;
  parents: number;
  items: number;
}

async function measure(c: ListFieldCase, n: number): Promise<Measure> {
  const res = await api.gql(c.query(n));
  expect(res.errors, `${c.coordinate} at n=${n}:\n${c.query(n)}`).toBeUndefined();
  return {
    trips: res.extensions!.neo4j!.roundTrips,
    parents: countAt(res.data, c.parentPath),
    items: countAt(res.data, c.itemPath),
  };
}

describe('every list field: round trips do not grow with the list (no N+1)', () => {
  it('walks every list and connection field of the schema under parent lists of 1, 5 and 20', async () => {
    const walk = walkListFields(schema, fillers);
    const cases = walk.cases.filter((c) => !(c.coordinate in SKIPPED));
    const report: string[] = [];
    const grown: string[] = [];
    const flat: string[] = [];
    for (const c of cases) {
      const m = await Promise.all(SIZES.map((n) => measure(c, n)));
      const [one, five, twenty] = m as [Measure, Measure, Measure];
      const widened = twenty.parents > one.parents || twenty.items > one.items;
      report.push(`${c.coordinate.padEnd(48)} trips ${m.map((x) => x.trips).join('/')}  parents ${m.map((x) => x.parents).join('/')}  items ${m.map((x) => x.items).join('/')}  under ${c.trail}`);
      if (!widened) flat.push(c.coordinate);
      // From 5 to 20 parents the shape is the same, only wider: nothing may cost more. From 1 to
      // 5, a level that the one parent left empty may start (one query per level), so only a
      // rise of one query per added parent counts, and only when the one parent had items.
      const width = (x: Measure): number => (c.parentPath.length > 0 ? x.parents : x.items);
      const perParent = one.items > 0 && five.trips - one.trips >= Math.max(2, width(five) - width(one));
      if (twenty.trips > five.trips || perParent) grown.push(`${c.coordinate}: ${m.map((x) => x.trips).join(' / ')} under ${c.trail}`);
    }
    console.info(`List fields walked (${cases.length}):\n${report.join('\n')}`);
    if (walk.unreached.length > 0) console.info(`Not reached:\n${walk.unreached.map((u) => `${u.coordinate}: ${u.reason}`).join('\n')}`);
    if (flat.length > 0) console.info(`Walked, but the seed gives them no more items at 20 than at 1:\n${flat.join('\n')}`);
    expect(grown, 'round trips grew with the list length').toEqual([]);
    // The walk is real: almost every case widens with n, and every list field of the schema is reached.
    expect(flat.length).toBeLessThan(cases.length / 4);
    const reached = new Set(walk.cases.map((c) => c.coordinate));
    const missing = listFields(schema).filter((f) => !reached.has(f) && !(f in SKIPPED));
    expect(missing, 'list fields the walk cannot reach: make them reachable or add them to SKIPPED with a reason').toEqual([]);
  }, 600_000);
});
