import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

// Neo4j plans each shape of the paths query once (seconds; more on a loaded CI machine, and the
// plan counts against the query timeout): this file checks answers, not latency (bench/ does).
const api = createTestApp({ QUERY_TIMEOUT_MS: '60000' });
afterAll(() => api.close());

interface Hop {
  from: { key: string };
  to: { key: string };
  kind: string;
  relation: string;
  direction: string;
  cost: number;
  citations: { reference: string }[];
  relationship: { type: string } | null;
  evidence: { entity: { key: string; type: string }; relationships: { type: string }[] }[];
}
interface Path {
  rank: number;
  cost: number;
  length: number;
  nodes: { key: string; type: string }[];
  hops: Hop[];
}

const PATH_FIELDS = `rank cost length nodes { key type }
  hops { from { key } to { key } kind relation direction cost citations { reference }
         relationship { type } evidence { entity { key type } relationships { type } } }`;

/** Every tie kind between Putin and Abe but the statements that derive one. */
const NOT_STATEMENTS =
  'COOPERATES_WITH, PARTICIPATES_IN, PARTY_TO, SUPPORTS, OPPOSES, RELATED_TO, HOLDS_OFFICE, SHARED_EVENT, SHARED_TREATY, SHARED_POLICY, SHARED_PROJECT, SHARED_PLACE, SHARED_SANCTION, OBSERVATION, SOURCE';

async function paths(args: string): Promise<Path[]> {
  const res = await api.gql<{ paths: Path[] }>(`{ paths(${args}) { ${PATH_FIELDS} } }`);
  expect(res.errors?.map((e) => e.message)).toBeUndefined();
  return res.data!.paths;
}

/** Every hop names its tie, says which way it points, and cites lines (its own or its evidence's). */
function expectExplained(path: Path): void {
  expect(path.hops).toHaveLength(path.length);
  expect(path.cost).toBeCloseTo(path.hops.reduce((s, h) => s + h.cost, 0));
  path.hops.forEach((hop, i) => {
    expect(hop.from.key).toBe(path.nodes[i]!.key);
    expect(hop.to.key).toBe(path.nodes[i + 1]!.key);
    expect(hop.relation.length).toBeGreaterThan(0);
    expect(hop.citations.length).toBeGreaterThan(0);
    if (hop.relationship) {
      expect(hop.relationship.type).toBe(hop.kind);
      expect(['FORWARD', 'BACKWARD']).toContain(hop.direction);
    } else {
      expect(hop.direction).toBe('UNDIRECTED');
      expect(hop.evidence.length).toBeGreaterThan(0);
      for (const e of hop.evidence) expect(e.relationships.length).toBeGreaterThanOrEqual(2);
    }
  });
}

describe('paths that explain themselves', () => {
  it('ranks the Mitsui → RDIF route through the Arctic LNG-2 agreement or the investment fund above the hub route', async () => {
    const routes = await paths('from: "mitsui", to: "rdif", k: 5');
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const best = routes[0]!;
    const keys = best.nodes.map((n) => n.key);
    expect(keys.includes('arctic-lng-2-agreement-2016-12') || keys.includes('russia-japan-investment-fund')).toBe(true);
    // Neither Japan nor Russia, the hubs the old shortest path went through, nor a generic tie.
    expect(keys).not.toContain('japan');
    expect(best.hops.map((h) => h.kind)).not.toContain('BASED_IN');
    expect(best.hops.map((h) => h.kind)).not.toContain('RELATED_TO');
    for (const route of routes) expectExplained(route);
    expect(routes.map((r) => r.rank)).toEqual(routes.map((_, i) => i + 1));
    const costs = routes.map((r) => r.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    // Statements, figures and documents are not stepping stones by default.
    for (const route of routes) for (const n of route.nodes) expect(['Statement', 'Observation', 'Source']).not.toContain(n.type);
  });

  it('still finds a route that needs a generic tie, when the specific ones are avoided', async () => {
    const routes = await paths('from: "mitsui", to: "rdif", k: 1, avoidIds: ["arctic-lng-2-agreement-2016-12"]');
    expect(routes).toHaveLength(1);
    expect(routes[0]!.hops[0]!.kind).toBe('BASED_IN');
    expect(routes[0]!.hops[0]!.to.key).toBe('japan');
    expectExplained(routes[0]!);
  });

  it('returns three distinct routes in cost order for two people three or more hops apart, each hop explained', async () => {
    const routes = await paths('from: "akira-kurosawa", to: "xi-jinping", k: 3, maxHops: 6');
    expect(routes).toHaveLength(3);
    expect(Math.min(...routes.map((r) => r.length))).toBeGreaterThanOrEqual(3);
    expect(new Set(routes.map((r) => r.nodes.map((n) => n.key).join('>'))).size).toBe(3);
    const costs = routes.map((r) => r.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    for (const route of routes) {
      expect(route.nodes[0]!.key).toBe('akira-kurosawa');
      expect(route.nodes.at(-1)!.key).toBe('xi-jinping');
      expect(new Set(route.nodes.map((n) => n.key)).size).toBe(route.nodes.length);
      expectExplained(route);
    }
  });

  it('honours avoidTypes, via, minHops and the request\'s own costs', async () => {
    const noGeneric = await paths('from: "mitsui", to: "rdif", k: 5, avoidTypes: [BASED_IN, RELATED_TO, PART_OF]');
    for (const r of noGeneric) for (const h of r.hops) expect(['BASED_IN', 'RELATED_TO', 'PART_OF']).not.toContain(h.kind);
    const via = await paths('from: "mitsui", to: "rdif", k: 2, via: ["russia-japan-investment-fund"]');
    expect(via.length).toBeGreaterThan(0);
    for (const r of via) expect(r.nodes.map((n) => n.key)).toContain('russia-japan-investment-fund');
    const long = await paths('from: "mitsui", to: "japan", k: 2, minHops: 2');
    for (const r of long) expect(r.length).toBeGreaterThanOrEqual(2);
    // Make BASED_IN free and hubs costless: the two-hop-via-Japan route then wins.
    const cheapGeneric = await paths('from: "mitsui", to: "rdif", k: 1, hubCost: 0, costs: [{ kind: BASED_IN, cost: 0 }, { kind: OWNS, cost: 0 }, { kind: RELATED_TO, cost: 0 }]');
    expect(cheapGeneric[0]!.nodes.map((n) => n.key)).toContain('japan');
  });

  it('walks derived ties through statements when the evidence is hidden, with the statement as evidence', async () => {
    // One route per pair of nodes: with the stored ties between the two leaders and the other derived kinds
    // avoided, the statements they made about each other are what is left to tie them.
    const routes = await paths(`from: "vladimir-putin", to: "shinzo-abe", k: 1, maxHops: 1, avoidTypes: [${NOT_STATEMENTS}]`);
    const derived = routes.flatMap((r) => r.hops).filter((h) => h.relationship === null);
    expect(derived.length).toBeGreaterThan(0);
    const statement = derived.find((h) => h.kind === 'STATEMENT')!;
    expect(statement.evidence[0]!.entity.type).toBe('Statement');
    // The evidence's relationships carry their own citations, and the hop lists them all.
    const detail = await api.gql<{ paths: { hops: { evidence: { relationships: { type: string; citations: { reference: string }[] }[] }[] }[] }[] }>(`{
      paths(from: "vladimir-putin", to: "shinzo-abe", k: 1, maxHops: 1, avoidTypes: [${NOT_STATEMENTS}]) {
        hops { evidence { relationships { type citations { reference } } } }
      }
    }`);
    expect(detail.errors).toBeUndefined();
    const evidence = detail.data!.paths[0]!.hops[0]!.evidence;
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) for (const r of e.relationships) expect(r.citations.length).toBeGreaterThan(0);
  });

  it('refuses bad arguments by name', async () => {
    const k = await api.gql(`{ paths(from: "mitsui", to: "rdif", k: 1000) { rank } }`);
    expect(k.errors?.[0]?.message).toBe('Argument "k" is 1000; the limit is 100');
    const cost = await api.gql(`{ paths(from: "mitsui", to: "rdif", costs: [{ kind: OWNS, cost: -1 }]) { rank } }`);
    expect(cost.errors?.[0]?.message).toMatch(/Argument "costs"/);
    const minHops = await api.gql(`{ paths(from: "mitsui", to: "rdif", maxHops: 2, minHops: 3) { rank } }`);
    expect(minHops.errors?.[0]?.message).toBe('Argument "minHops" is 3; it must be a whole number from 1 to 2');
  });
});
