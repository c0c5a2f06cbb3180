import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

interface Figure {
  key: string;
  value: number;
  citations: { document: string; startLine: number; endLine: number; quote: string | null }[];
}

interface Pair {
  measure: string;
  unit: string;
  difference: number;
  documents: string[];
  figures: Figure[];
}

const PAIRS = `query($m: String, $d: String) { disagreements(measureContains: $m, document: $d) {
  measure unit difference documents figures { key value citations { document startLine endLine quote } } } }`;

async function pairs(variables: Record<string, unknown> = {}): Promise<Pair[]> {
  const res = await api.gql<{ disagreements: Pair[] }>(PAIRS, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.disagreements;
}

const values = (pair: Pair) => pair.figures.map((f) => f.value);

describe('disagreements between documents', () => {
  it('pairs the two counts of agreements signed during the December 2016 visit (65 vs about 70)', async () => {
    const found = await pairs({ m: 'agreements' });
    const visit = found.find((p) => p.measure === 'agreements signed during the visit');
    expect(visit && values(visit)).toEqual([65, 70]);
    expect(visit!.documents).toEqual(['000_c5fc82dd9b71dc87.txt', '001_5af6e1162aa95ee1.txt']);
    // Each side can be checked where it is shown: document 000 line 31 says 65, document 001 line 54 about 70.
    const [low, high] = visit!.figures;
    expect(low!.citations.some((c) => c.quote?.includes('65'))).toBe(true);
    expect(high!.citations.some((c) => c.quote?.includes('70'))).toBe(true);
  });

  it('pairs the 2014 and the 2015 trade totals of document 000 with the Valdai report\'s', async () => {
    const trade = (await pairs({ m: 'bilateral trade turnover', d: '000' })).filter((p) => p.measure === 'bilateral trade turnover');
    // 000 line 9: 28.3 billion dollars in 2014, 17.7 in (the first 10 months of) 2015; 004 gives 30.7 and 21.3.
    expect(trade.map(values)).toEqual(expect.arrayContaining([[28.3, 30.7], [17.7, 21.3]]));
    expect(trade).toHaveLength(2);
    for (const pair of trade) expect(pair.difference).toBeCloseTo(Math.abs(values(pair)[1]! - values(pair)[0]!), 6);
  });

  it('quotes each side exactly as the file has it', async () => {
    for (const pair of await pairs()) {
      for (const figure of pair.figures) {
        for (const c of figure.citations) {
          const lines = readFileSync(join(api.config.seedDocumentsDir, c.document), 'utf8').split('\n');
          expect(c.quote).toBe(lines.slice(c.startLine - 1, c.endLine).join('\n'));
        }
      }
    }
  });

  it('never pairs figures of one document, nor the figures of one chart', async () => {
    for (const pair of await pairs()) {
      const [a, b] = pair.figures.map((f) => new Set(f.citations.map((c) => c.document)));
      expect([...a!].some((d) => b!.has(d))).toBe(false);
    }
  });

  it('shows the other side on the figure itself (conflictsWith), batched', async () => {
    const res = await api.gql<{ observations: { nodes: { key: string; conflictsWith: { key: string; value: number }[] }[] } }>(
      `{ observations(filter: { measure: { contains: "agreements signed" } }, first: 10) { nodes { key conflictsWith { key value } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const doc000 = res.data!.observations.nodes.find((n) => n.key === 'obs-agreements-putin-visit-japan-2016-12-doc000');
    expect(doc000?.conflictsWith.map((c) => c.value)).toEqual([70]);
    // List + one batch of rivals + one batch of entities: not one query per figure.
    expect(res.extensions?.neo4j?.roundTrips).toBeLessThanOrEqual(3);
  });
});
