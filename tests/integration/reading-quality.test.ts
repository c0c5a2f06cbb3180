import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/export/export-formats.js';
import { download } from '../support/export-download.js';
import { readCsv } from '../support/read-csv.js';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
afterAll(() => api.close());

// 270.3 is printed apart from "China" in the Valdai report's chart of Japan's trade partners,
// so the pairing is an inference; the 2016 Russia–Japan total is stated in the text itself.
const RECONSTRUCTED = 'obs-japan-trade-partners-2016-china';
const EXACT = 'obs-trade-turnover-russia-japan-2016';

interface Reading {
  key: string;
  value: number | null;
  readingQuality: string | null;
  readingMethod: string | null;
}

/** The attribute values one export format writes for one node, by column name. */
function nodeValues(format: string, text: string, id: string): Record<string, unknown> {
  switch (format) {
    case 'graphml': {
      const body = new RegExp(`<node id="${id}">(.*?)</node>`, 's').exec(text)?.[1] ?? '';
      return Object.fromEntries([...body.matchAll(/<data key="n_([^"]+)">([^<]*)<\/data>/g)].map((m): [string, string] => [m[1]!, m[2]!]));
    }
    case 'gexf': {
      const body = new RegExp(`<node id="${id}"[^>]*>(.*?)</node>`, 's').exec(text)?.[1] ?? '';
      return Object.fromEntries([...body.matchAll(/<attvalue for="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [m[1]!, m[2]!]));
    }
    case 'csv-nodes':
      return readCsv(text).rows.find((r) => r['Id'] === id) ?? {};
    case 'node-link':
      return (JSON.parse(text) as { nodes: Record<string, unknown>[] }).nodes.find((n) => n['id'] === id) ?? {};
    case 'cytoscape':
      return (JSON.parse(text) as { elements: { nodes: { data: Record<string, unknown> }[] } }).elements.nodes.find((n) => n.data['id'] === id)?.data ?? {};
    default:
      return {};
  }
}

describe('how a figure was read from its document', () => {
  it('says through GraphQL whether a chart value was reconstructed, and how', async () => {
    const res = await api.gql<{ a: Reading; b: Reading }>(`{
      a: entity(id: "${RECONSTRUCTED}") { key ... on Observation { value readingQuality readingMethod } }
      b: entity(id: "${EXACT}") { key ... on Observation { value readingQuality readingMethod } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.a).toMatchObject({ key: RECONSTRUCTED, value: 270.3, readingQuality: 'reconstructed' });
    expect(res.data!.a.readingMethod).toMatch(/rank order/);
    expect(res.data!.b).toEqual({ key: EXACT, value: 16.1, readingQuality: 'exact', readingMethod: null });
  });

  it('marks a timeline date paired by inference on the event itself', async () => {
    const res = await api.gql<{ entity: { date: string; readingQuality: string; readingMethod: string } }>(`{
      entity(id: "de-vries-kuril-map-1643") { ... on Event { date readingQuality readingMethod } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity).toMatchObject({ date: '1643', readingQuality: 'reconstructed' });
    expect(res.data!.entity.readingMethod).toMatch(/timeline/);
  });

  it('writes the reading quality into every export format', async () => {
    const nodeFormats = EXPORT_FORMATS.filter((f) => f !== 'csv-edges');
    expect(nodeFormats.length).toBeGreaterThanOrEqual(5);
    for (const format of nodeFormats) {
      const { status, text } = await download(api.app, `/export/${format}?types=Observation`);
      expect(status, format).toBe(200);
      expect(nodeValues(format, text, RECONSTRUCTED), format).toMatchObject({ readingQuality: 'reconstructed' });
      expect(String(nodeValues(format, text, RECONSTRUCTED)['readingMethod']), format).toMatch(/rank order/);
      expect(nodeValues(format, text, EXACT), format).toMatchObject({ readingQuality: 'exact' });
    }
  }, 180_000);
});
