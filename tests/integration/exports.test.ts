import { afterAll, describe, expect, it } from 'vitest';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from '../../src/export/attribute-schema.js';
import { EXPORT_FORMATS } from '../../src/export/export-formats.js';
import { download, idsOf, tieIds } from '../support/export-download.js';
import { readCsv } from '../support/read-csv.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

async function dbCounts(): Promise<{ nodes: number; edges: number }> {
  const [row] = await api.db.read(
    'test-export-counts',
    'CALL { MATCH (n:Entity) RETURN count(n) AS nodes } CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges } RETURN nodes, edges',
  );
  return { nodes: Number(row!['nodes']), edges: Number(row!['edges']) };
}

describe('GET /export/<format>', () => {
  it('serves every format as a download with its content type', async () => {
    const expected = {
      graphml: ['application/xml', 'russia-japan-graph.graphml'],
      gexf: ['application/xml', 'russia-japan-graph.gexf'],
      'csv-nodes': ['text/csv', 'russia-japan-graph-nodes.csv'],
      'csv-edges': ['text/csv', 'russia-japan-graph-edges.csv'],
      'node-link': ['application/json', 'russia-japan-graph.node-link.json'],
      cytoscape: ['application/json', 'russia-japan-graph.cyjs'],
    } as const;
    const counts = await dbCounts();
    for (const format of EXPORT_FORMATS) {
      const res = await download(api.app, `/export/${format}`);
      expect(res.status, format).toBe(200);
      expect(res.contentType, format).toContain(expected[format][0]);
      expect(res.contentType, format).toContain('charset=utf-8');
      expect(res.disposition, format).toBe(`attachment; filename="${expected[format][1]}"`);
      const ids = idsOf(format, res.text);
      if (format !== 'csv-edges') expect(ids.nodes, format).toHaveLength(counts.nodes);
      // GEXF and GraphML merge parallel ties into one edge by default: every tie is still there, once.
      if (format !== 'csv-nodes') expect(new Set(tieIds(ids.edges)).size, format).toBe(counts.edges);
      if (format !== 'csv-nodes') expect(tieIds(ids.edges), format).toHaveLength(counts.edges);
      if (format === 'gexf' || format === 'graphml') expect(ids.edges.length, format).toBeLessThan(counts.edges);
    }
  }, 180_000);

  it('writes GraphML with a typed key per attribute, and merges parallel edges unless asked to keep them', async () => {
    const { text } = await download(api.app, '/export/graphml?parallel=keep');
    for (const a of NODE_ATTRIBUTES) expect(text).toContain(`<key id="n_${a.name}" for="node" attr.name="${a.name}" attr.type="${a.type}">`);
    for (const a of EDGE_ATTRIBUTES) expect(text).toContain(`<key id="e_${a.name}" for="edge" attr.name="${a.name}"`);
    expect(text).toContain('<graph id="G" edgedefault="directed">');
    // Scalar types only: igraph rejects anything else.
    for (const m of text.matchAll(/attr\.type="([^"]+)"/g)) expect(['boolean', 'int', 'long', 'float', 'double', 'string']).toContain(m[1]);
    const parallel = await api.db.read(
      'test-parallel',
      `MATCH (a:Entity)-[r]->(b:Entity) WITH a, b, type(r) AS t, collect(r.id) AS ids WHERE size(ids) > 1 RETURN ids LIMIT 1`,
    );
    expect(parallel.length).toBe(1);
    for (const id of parallel[0]!['ids'] as string[]) expect(text).toContain(`<edge id="${id}"`);

    // Merged (the default): one edge for the group, carrying every tie's id and citations, its count and weight.
    const office = await api.db.read(
      'test-merged-office',
      `MATCH (a:Entity {id: 'donald-trump'})-[r:HOLDS_OFFICE]->(b:Entity)
       WITH a, b, r ORDER BY r.id
       WITH b, collect(r) AS rs WHERE size(rs) > 1
       RETURN b.id AS target, [r IN rs | r.id] AS ids, reduce(c = [], r IN rs | c + r.citations) AS citations, [r IN rs | r.role] AS roles`,
    );
    expect(office.length, 'three documents say Trump holds office in the United States').toBe(1);
    const ids = office[0]!['ids'] as string[];
    const merged = (await download(api.app, '/export/graphml')).text;
    const edge = new RegExp(`<edge id="${ids.join('\\+')}" source="donald-trump" target="${String(office[0]!['target'])}">(.*?)</edge>`).exec(merged)?.[1];
    expect(edge, 'one edge for both').toBeDefined();
    for (const id of ids) expect(merged).not.toContain(`<edge id="${id}"`);
    expect(edge).toContain(`<data key="e_relationshipId">${ids.join(';')}</data>`);
    expect(edge).toContain(`<data key="e_citations">${(office[0]!['citations'] as string[]).join(';')}</data>`);
    expect(edge).toContain(`<data key="e_multiplicity">${ids.length}</data>`);
    expect(edge).toContain(`<data key="e_weight">${ids.length}</data>`);
    expect(edge).toContain('<data key="e_relationshipType">HOLDS_OFFICE</data>');
    // Columns the ties disagree on list each tie's value, in relationshipId order.
    expect(new Set(office[0]!['roles'] as string[]).size).toBeGreaterThan(1);
    expect(edge).toContain(`<data key="e_role">${(office[0]!['roles'] as string[]).join(';')}</data>`);
    expect(merged).toContain('<key id="e_multiplicity" for="edge" attr.name="multiplicity" attr.type="int">');
    const putin = /<node id="vladimir-putin">(.*?)<\/node>/.exec(text)?.[1] ?? '';
    expect(putin).toContain('<data key="n_label">Vladimir Putin</data>');
    expect(putin).toContain('<data key="n_type">Person</data>');
    expect(putin).toMatch(/<data key="n_citations">000_c5fc82dd9b71dc87\.txt:\d+(-\d+)?(;[\w.]+:\d+(-\d+)?)*<\/data>/);
  }, 180_000);

  it('writes CSV tables with Gephi\'s column conventions', async () => {
    const nodes = readCsv((await download(api.app, '/export/csv-nodes')).text);
    expect(nodes.header.slice(0, 3)).toEqual(['Id', 'Label', 'type']);
    expect(nodes.header).toEqual(['Id', 'Label', ...NODE_ATTRIBUTES.filter((a) => a.name !== 'label').map((a) => a.name)]);
    const kurils = nodes.rows.find((r) => r['Id'] === 'southern-kuril-islands')!;
    expect(kurils['Label']).toBe('Southern Kuril Islands');
    expect(kurils['type']).toBe('Place');
    const aliases = kurils['aliases']!.split(';');
    const usedBy = kurils['aliasUsedBy']!.split(';');
    expect(usedBy).toHaveLength(aliases.length);
    expect(usedBy[aliases.indexOf('Northern Territories')]).toBe('japan');
    const visit = nodes.rows.find((r) => r['Id'] === 'putin-visit-japan-2016-12')!;
    const [stored] = await api.db.read('test-visit', `MATCH (n:Entity {id: 'putin-visit-japan-2016-12'}) RETURN n.date AS date, n.dateFrom AS dateFrom, n.dateTo AS dateTo`);
    expect(stored!['date']).toMatch(/^2016-12/);
    expect([visit['date'], visit['dateFrom'], visit['dateTo']]).toEqual([stored!['date'], stored!['dateFrom'], stored!['dateTo']]);
    expect(visit['sector']).toBeNull(); // empty field: Gephi reads it as missing

    const edges = readCsv((await download(api.app, '/export/csv-edges')).text);
    expect(edges.header.slice(0, 6)).toEqual(['Source', 'Target', 'Type', 'Id', 'Label', 'Kind']);
    for (const row of edges.rows) {
      expect(row['Type']).toBe('Directed');
      expect(row['Kind']).toBe(row['relationshipType']);
      expect(row['Label']).toBe(row['relationshipType']);
      expect(row['citations']).toMatch(/^[\w.]+\.txt:\d+(-\d+)?(;[\w.]+\.txt:\d+(-\d+)?)*$/);
    }
    const office = edges.rows.find((r) => r['Source'] === 'vladimir-putin' && r['Kind'] === 'HOLDS_OFFICE' && r['start'] === '2012');
    expect(office).toMatchObject({ Target: 'russia', role: 'President', validFrom: '2012-01-01' });
    // Names no column may have: Gephi reads them as time columns.
    for (const name of [...nodes.header, ...edges.header]) expect(name.toLowerCase()).not.toMatch(/interval|timestamp|timeset/);
  }, 180_000);

  it('can join list values with ";": no alias, author or citation in the graph contains one', async () => {
    const rows = await api.db.read(
      'test-list-separator',
      `MATCH (n:Entity) WHERE any(x IN coalesce(n.aliases, []) + coalesce(n.aliasUsedBy, []) + coalesce(n.authors, []) + n.citations WHERE x CONTAINS ';')
       RETURN n.id AS id
       UNION
       MATCH (:Entity)-[r]->(:Entity) WHERE any(x IN r.citations WHERE x CONTAINS ';') RETURN r.id AS id`,
    );
    expect(rows).toEqual([]);
  }, 180_000);

  it('writes node-link JSON for NetworkX and elements JSON for Cytoscape', async () => {
    const nodeLink = JSON.parse((await download(api.app, '/export/node-link')).text) as {
      directed: boolean;
      multigraph: boolean;
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    expect(nodeLink).toMatchObject({ directed: true, multigraph: true });
    const edge = nodeLink.edges[0]!;
    expect(edge['key']).toBe(edge['id']);
    expect(Object.keys(edge).slice(0, 4)).toEqual(['source', 'target', 'key', 'id']);
    const cy = JSON.parse((await download(api.app, '/export/cytoscape')).text) as {
      elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
    };
    const abe = cy.elements.nodes.find((n) => n.data['id'] === 'shinzo-abe')!.data;
    expect(abe).toMatchObject({ name: 'Shinzo Abe', label: 'Shinzo Abe', type: 'Person' });
    expect(cy.elements.edges[0]!.data).toHaveProperty('source');
  }, 180_000);

  it('gives the same nodes and edges in every format for the same filter', async () => {
    const filters = [
      'types=Person,Country,Event&relationshipTypes=PARTICIPATES_IN,HELD_IN,HOLDS_OFFICE&from=2016&to=2016',
      'id=shinzo-abe&depth=2&relationshipTypes=PARTICIPATES_IN,STATED,HOLDS_OFFICE',
      'types=Place,Country&relationshipTypes=CLAIMS,ADMINISTERS,OCCUPIED,PART_OF',
    ];
    for (const filter of filters) {
      let nodes: string[] | undefined;
      let edges: string[] | undefined;
      for (const format of EXPORT_FORMATS) {
        const res = await download(api.app, `/export/${format}?${filter}`);
        expect(res.status, `${format}?${filter}`).toBe(200);
        const ids = idsOf(format, res.text);
        if (format !== 'csv-edges') {
          nodes ??= sorted(ids.nodes);
          expect(sorted(ids.nodes), `${format}?${filter}`).toEqual(nodes);
        }
        if (format !== 'csv-nodes') {
          edges ??= sorted(tieIds(ids.edges));
          expect(sorted(tieIds(ids.edges)), `${format}?${filter}`).toEqual(edges);
        }
      }
      expect(nodes!.length).toBeGreaterThan(2);
      expect(edges!.length).toBeGreaterThan(1);
    }
  }, 180_000);

  it('selects by types, relationship types and date window as the model says', async () => {
    const res = await download(api.app, '/export/node-link?types=Person,Event&relationshipTypes=PARTICIPATES_IN&from=2016-05&to=2016-12');
    const json = JSON.parse(res.text) as { nodes: { id: string }[]; edges: { key: string }[] };
    // Undated entities stay in every window; dated ones must overlap it.
    const expected = await api.db.read(
      'test-export-expected',
      `MATCH (n:Entity) WHERE (n:Person OR n:Event)
         AND (n.dateFrom IS NULL OR n.dateFrom <= '2016-12-31') AND (n.dateTo IS NULL OR n.dateTo >= '2016-05-01')
       WITH collect(n) AS ns
       UNWIND ns AS a MATCH (a)-[r:PARTICIPATES_IN]->(b) WHERE b IN ns
         AND (r.validFrom IS NULL OR r.validFrom <= '2016-12-31') AND (r.validTo IS NULL OR r.validTo >= '2016-05-01')
       RETURN [x IN ns | x.id] AS nodes, collect(r.id) AS edges`,
    );
    expect(sorted(json.nodes.map((n) => n.id))).toEqual(sorted(expected[0]!['nodes'] as string[]));
    expect(sorted(json.edges.map((e) => e.key))).toEqual(sorted(expected[0]!['edges'] as string[]));
    expect(json.nodes.map((n) => n.id)).toContain('putin-visit-japan-2016-12');
    expect(json.nodes.map((n) => n.id)).not.toContain('soviet-japanese-joint-declaration-1956');
  }, 180_000);

  it('adds degree, betweenness, PageRank and a community per node when asked', async () => {
    const json = JSON.parse((await download(api.app, '/export/node-link?metrics=true')).text) as { nodes: Record<string, number | string>[] };
    const russia = json.nodes.find((n) => n['id'] === 'russia')!;
    const [row] = await api.db.read('test-degree', `MATCH (:Entity {id: 'russia'})-[r]-(:Entity) RETURN count(r) AS degree`);
    expect(russia['degree']).toBe(Number(row!['degree']));
    expect(Number(russia['inDegree']) + Number(russia['outDegree'])).toBe(russia['degree']);
    expect(Number.isInteger(russia['community'])).toBe(true);
    const total = json.nodes.reduce((sum, n) => sum + Number(n['pagerank']), 0);
    expect(total).toBeCloseTo(1, 3);
    expect(Math.max(...json.nodes.map((n) => Number(n['betweenness'])))).toBeGreaterThan(0);
    const graphml = (await download(api.app, '/export/graphml?metrics=true')).text;
    expect(graphml).toContain('<key id="n_pagerank" for="node" attr.name="pagerank" attr.type="double">');
    expect(graphml).toContain(`<data key="n_community">${String(russia['community'])}</data>`);
    expect((await download(api.app, '/export/graphml')).text).not.toContain('n_pagerank');
  }, 180_000);

  it('refuses bad parameters with a JSON error naming the parameter', async () => {
    const cases: [string, number, string][] = [
      ['/export/graphml?types=Wizard', 400, 'types'],
      ['/export/graphml?relationshipTypes=KNOWS', 400, 'relationshipTypes'],
      ['/export/gexf?from=2016-13', 400, 'from'],
      ['/export/gexf?from=2017&to=2016', 400, 'to'],
      ['/export/gexf?id=shinzo-abe&depth=99', 400, 'depth'],
      ['/export/gexf?depth=2', 400, 'depth'],
      ['/export/gexf?id=Not%20A%20Key', 400, 'id'],
      ['/export/gexf?id=nobody-at-all', 404, 'id'],
      ['/export/gexf?relationshiptypes=HOLDS_OFFICE', 400, 'relationshiptypes'],
      ['/export/graphml?dynamic=true', 400, 'dynamic'],
      ['/export/graphml?metrics=maybe', 400, 'metrics'],
      ['/export/gexf?parallel=fold', 400, 'parallel'],
      ['/export/pajek', 404, 'format'],
    ];
    for (const [path, status, parameter] of cases) {
      const res = await download(api.app, path);
      expect(res.status, path).toBe(status);
      expect(res.contentType, path).toContain('application/json');
      const body = JSON.parse(res.text) as { error: { parameter: string; message: string } };
      expect(body.error.parameter, path).toBe(parameter);
      expect(body.error.message.length, path).toBeGreaterThan(10);
    }
    const wizard = JSON.parse((await download(api.app, '/export/graphml?types=Wizard')).text) as { error: { message: string } };
    expect(wizard.error.message).toContain('"Wizard"');
    expect(wizard.error.message).toContain('Person');
  }, 180_000);
});

describe('the subgraph query', () => {
  it('returns the same selection as the exports', async () => {
    const filter = 'id=shinzo-abe&depth=1&types=Event,Person&relationshipTypes=PARTICIPATES_IN';
    const exported = idsOf('node-link', (await download(api.app, `/export/node-link?${filter}`)).text);
    const res = await api.gql<{ subgraph: { nodes: { key: string }[]; edges: { id: string; type: string; from: { key: string } }[] } }>(`{
      subgraph(id: "shinzo-abe", depth: 1, types: [Event, Person], relationshipTypes: [PARTICIPATES_IN], limit: 100) {
        nodes { key } edges { id type }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(exported.nodes.length).toBeLessThanOrEqual(100);
    expect(sorted(res.data!.subgraph.nodes.map((n) => n.key))).toEqual(sorted(exported.nodes));
    expect(res.data!.subgraph.edges.length).toBe(exported.edges.length);
    for (const edge of res.data!.subgraph.edges) expect(edge.type).toBe('PARTICIPATES_IN');
  }, 180_000);

  it('caps the entities at limit, keeping the ego centre, and checks its arguments', async () => {
    const res = await api.gql<{ subgraph: { nodes: { key: string }[] } }>(`{ subgraph(id: "russia", depth: 2, limit: 5) { nodes { key } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.subgraph.nodes).toHaveLength(5);
    expect(res.data!.subgraph.nodes[0]!.key).toBe('russia');
    const bad = await api.gql(`{ subgraph(from: "2016-13") { nodes { key } } }`);
    expect(bad.errors?.[0]?.message).toMatch(/Argument "from"/);
    const deep = await api.gql(`{ subgraph(id: "russia", depth: 99) { nodes { key } } }`);
    expect(deep.errors?.[0]?.message).toMatch(/"depth" is 99/);
  }, 180_000);
});
