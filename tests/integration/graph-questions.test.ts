import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

// Neo4j plans each shape of the paths query once (seconds; more on a loaded CI machine, and the
// plan counts against the query timeout): this file checks answers, not latency (bench/ does).
const api = createTestApp({ QUERY_TIMEOUT_MS: '60000' });
afterAll(() => api.close());

interface Hop { from: { key: string }; to: { key: string }; citations: { reference: string }[]; relationship: { type: string } | null }

describe('questions analysts ask of the graph', () => {
  it('finds a path from Mitsui to the Russian Direct Investment Fund with citations on every hop', async () => {
    const res = await api.gql<{ paths: { length: number; nodes: { key: string }[]; hops: Hop[] }[] }>(`{
      paths(from: "mitsui", to: "rdif", maxHops: 4, limit: 5) {
        length nodes { key }
        hops { from { key } to { key } citations { reference } relationship { type } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const paths = res.data!.paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.nodes[0]!.key).toBe('mitsui');
      expect(path.nodes.at(-1)!.key).toBe('rdif');
      expect(path.hops).toHaveLength(path.length);
      // Every hop cites lines: its relationship's, or (a tie derived through a statement) its evidence's.
      for (const hop of path.hops) expect(hop.citations.length).toBeGreaterThan(0);
      // Documents are not actors: paths do not run through Source nodes by default.
      expect(path.nodes.some((n) => n.key.startsWith('source-'))).toBe(false);
    }
  });

  it('limits paths by relationship type, excluded entities and asOf, and caps maxHops', async () => {
    const capped = await api.gql(`{ paths(from: "mitsui", to: "rdif", maxHops: 99) { length } }`);
    expect(capped.errors?.[0]?.message).toBe('Argument "maxHops" is 99; it must be a whole number from 1 to 6');
    const typed = await api.gql<{ paths: { hops: Hop[] }[] }>(`{
      paths(from: "shinzo-abe", to: "vladimir-putin", relationshipTypes: [PARTICIPATES_IN], maxHops: 2) { hops { relationship { type } from { key } to { key } } }
    }`);
    expect(typed.errors).toBeUndefined();
    expect(typed.data!.paths.length).toBeGreaterThan(0);
    for (const p of typed.data!.paths) for (const h of p.hops) expect(h.relationship?.type).toBe('PARTICIPATES_IN');
    const excluded = await api.gql<{ paths: { nodes: { key: string }[] }[] }>(`{
      paths(from: "shinzo-abe", to: "vladimir-putin", relationshipTypes: [PARTICIPATES_IN], excludeIds: ["abe-putin-summit-sochi-2016-05"], maxHops: 2) { nodes { key } }
    }`);
    for (const p of excluded.data!.paths) expect(p.nodes.map((n) => n.key)).not.toContain('abe-putin-summit-sochi-2016-05');
    const asOf = await api.gql(`{ paths(from: "shinzo-abe", to: "vladimir-putin", asOf: "2016-13-01") { length } }`);
    expect(asOf.errors?.[0]?.message).toMatch(/Argument "asOf"/);
  });

  it('lists the Abe–Putin meetings of 2016 in date order, with places', async () => {
    const res = await api.gql<{ timeline: { key: string; dateFrom: string; places: { edges: { other: { key: string } }[] }; citations: unknown[] }[] }>(`{
      timeline(from: "2016", to: "2016", entityIds: ["shinzo-abe"]) {
        key dateFrom citations { reference }
        ... on Event { places { edges { other { key } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const events = res.data!.timeline;
    const dates = events.map((e) => e.dateFrom);
    expect(dates).toEqual([...dates].sort());
    const keys = events.map((e) => e.key);
    expect(keys.indexOf('abe-putin-summit-sochi-2016-05')).toBeGreaterThanOrEqual(0);
    expect(keys.indexOf('abe-putin-summit-sochi-2016-05')).toBeLessThan(keys.indexOf('putin-visit-japan-2016-12'));
    const sochi = events.find((e) => e.key === 'abe-putin-summit-sochi-2016-05')!;
    expect(sochi.places.edges.map((e) => e.other.key)).toContain('sochi');
    for (const e of events) expect(e.citations.length).toBeGreaterThan(0);
  });

  it('answers with specific ties, not RELATED_TO: advisers, meetings held at a forum, statements made there, a postponement', async () => {
    interface Edge { direction: string; other: { key: string }; node: { type: string; role: string | null; setting: string | null; plannedDate: string | null; delay: string | null; citations: { reference: string }[] } }
    type Rels = { entity: { relationships: { edges: Edge[] } } };
    const edgesOf = async (id: string, types: string[], direction = 'OUTGOING'): Promise<Edge[]> => {
      const res = await api.gql<Rels>(`{
        entity(id: "${id}") { relationships(types: [${types.join(', ')}], direction: ${direction}, first: 50) {
          edges { direction other { key } node { type role setting plannedDate delay citations { reference } } }
        } }
      }`);
      expect(res.errors).toBeUndefined();
      return res.data!.entity.relationships.edges;
    };
    // Who advises Putin, and in what capacity (003:60).
    const advisers = await edgesOf('vladimir-putin', ['ADVISES'], 'INCOMING');
    expect(advisers.map((e) => [e.other.key, e.node.role])).toContainEqual(['nikolai-patrushev', 'close aide']);
    // The September 2016 talks were held on the sidelines of the Eastern Economic Forum, as documents 001 and 003 say.
    const during = await edgesOf('abe-putin-meeting-vladivostok-2016-09', ['HELD_DURING']);
    expect(during).toHaveLength(1);
    expect(during[0]!.other.key).toBe('eastern-economic-forum-2016');
    expect(during[0]!.node.setting).toBe('sidelines');
    const documents = new Set(during[0]!.node.citations.map((c) => c.reference.slice(0, 3)));
    expect([...documents].sort()).toEqual(['001', '003']);
    // What Abe said at that forum: statements tied to the event where they were made.
    const said = await edgesOf('eastern-economic-forum-2016', ['MADE_AT'], 'INCOMING');
    expect(said.map((e) => e.other.key)).toEqual(expect.arrayContaining(['stmt-abe-peace-treaty-appeal', 'stmt-abe-eef-2016-dersu-uzala-speech']));
    // The December 2016 visit had been planned for 2014 and was put off by two years.
    const postponed = await edgesOf('putin-visit-japan-2016-12', ['POSTPONED_BECAUSE_OF']);
    expect(postponed.map((e) => [e.other.key, e.node.plannedDate, e.node.delay])).toContainEqual(['ukraine-crisis', '2014', 'two years']);
    // One node for the 2014 Sochi encounter's setting: the Games, with the meeting held during their opening ceremony.
    const sochi = await edgesOf('abe-putin-meeting-sochi-2014', ['HELD_DURING', 'PART_OF']);
    expect(sochi.map((e) => [e.node.type, e.other.key, e.node.setting])).toEqual([['HELD_DURING', 'sochi-winter-olympics-2014', 'ceremony']]);
    const gone = await api.gql<{ entity: unknown }>(`{ entity(id: "sochi-olympics-2014-opening-ceremony") { key } }`);
    expect(gone.data?.entity ?? null).toBeNull();
  });

  it('answers which islands the 1956 Joint Declaration provides to transfer', async () => {
    const res = await api.gql<{ entity: { territorialEffects: { edges: { other: { key: string }; node: { beneficiary: string | null } }[] } } }>(`{
      entity(id: "soviet-japanese-joint-declaration-1956") { ... on Treaty { territorialEffects(first: 50) { edges { other { key } node { beneficiary } } } } }
    }`);
    const islands = new Set(res.data!.entity.territorialEffects.edges.filter((e) => e.node.beneficiary === 'japan').map((e) => e.other.key));
    expect(islands).toContain('shikotan');
    expect(islands).toContain('habomai');
    expect(islands).not.toContain('iturup');
  });

  it('draws a neighbourhood whose edges stay inside its nodes, with the depth capped', async () => {
    const res = await api.gql<{ neighborhood: { nodes: { key: string }[]; edges: { from: { key: string }; to: { key: string }; citations: unknown[] }[] } }>(`{
      neighborhood(id: "shikotan", depth: 2, limit: 40) { nodes { key } edges { from { key } to { key } citations { reference } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { nodes, edges } = res.data!.neighborhood;
    const keys = new Set(nodes.map((n) => n.key));
    expect(keys).toContain('shikotan');
    expect(nodes.length).toBeLessThanOrEqual(41);
    for (const e of edges) {
      expect(keys.has(e.from.key) && keys.has(e.to.key)).toBe(true);
      expect(e.citations.length).toBeGreaterThan(0);
    }
    const deep = await api.gql(`{ neighborhood(id: "shikotan", depth: 9) { nodes { key } } }`);
    expect(deep.errors?.[0]?.message).toBe('Argument "depth" is 9; it must be a whole number from 1 to 3');
  });

  it('finds interlocks: what Abe and Putin are both connected to', async () => {
    const res = await api.gql<{ interlocks: { entity: { key: string }; viaA: { citations: unknown[] }[]; viaB: unknown[] }[] }>(`{
      interlocks(a: "shinzo-abe", b: "vladimir-putin") { entity { key } viaA { type citations { reference } } viaB { type } }
    }`);
    expect(res.errors).toBeUndefined();
    const keys = res.data!.interlocks.map((i) => i.entity.key);
    expect(keys).toContain('abe-putin-summit-sochi-2016-05');
    for (const i of res.data!.interlocks) {
      expect(i.viaA.length).toBeGreaterThan(0);
      expect(i.viaB.length).toBeGreaterThan(0);
    }
  });

  it('lists the source documents with their metadata and what they support', async () => {
    const res = await api.gql<{ sources: { totalCount: number; nodes: { fileName: string; title: string; supportedRelationshipCount: number; supportedEntities: { nodes: unknown[] } }[] }; source: { title: string } }>(`{
      sources(first: 10) { totalCount nodes { ... on Source { fileName title supportedRelationshipCount supportedEntities { nodes { key } } } } }
      source(id: "001_5af6e1162aa95ee1.txt") { ... on Source { title } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.sources.totalCount).toBe(5);
    for (const s of res.data!.sources.nodes) {
      expect(s.supportedRelationshipCount).toBeGreaterThan(0);
      expect(s.supportedEntities.nodes.length).toBeGreaterThan(0);
    }
    expect(res.data!.source.title).toMatch(/No Peace Deal/);
  });
});
