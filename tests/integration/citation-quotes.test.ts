import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

const api = createTestApp();
const noDocuments = createTestApp({ SEED_DOCUMENTS_DIR: '/nonexistent/seeds' });
afterAll(async () => {
  await api.close();
  await noDocuments.close();
});

/** The file's lines as a reader opening it would count them (1-based), read independently of the app. */
function fileLines(fileName: string, from: number, to: number): string {
  const text = readFileSync(join(api.config.seedDocumentsDir, fileName), 'utf8');
  return text.split('\n').slice(from - 1, to).join('\n');
}

interface CitationRow {
  document: string;
  startLine: number;
  endLine: number;
  quote: string | null;
  source: { title: string; publisher: string | null; date: string | null } | null;
}

const CITATIONS = `query($id: ID!) {
  entity(id: $id) { citations { document startLine endLine quote source { title publisher date } } }
}`;

describe('quoted citations', () => {
  it('quotes exactly the cited lines of the file', async () => {
    // The Valdai report's figures and its masthead: every citation of the trade-turnover figures and the source.
    for (const id of ['source-004', 'vladimir-putin', 'southern-kuril-islands']) {
      const res = await api.gql<{ entity: { citations: CitationRow[] } }>(CITATIONS, { id });
      expect(res.errors).toBeUndefined();
      const citations = res.data!.entity.citations;
      expect(citations.length).toBeGreaterThan(0);
      for (const c of citations) expect(c.quote).toBe(fileLines(c.document, c.startLine, c.endLine));
    }
  });

  it('shows the masthead line the Valdai report is cited for, with a readable title and date', async () => {
    const res = await api.gql<{ entity: { citations: CitationRow[] } }>(CITATIONS, { id: 'source-004' });
    const masthead = res.data!.entity.citations.find((c) => c.startLine === 1533);
    expect(masthead?.quote).toBe('VALDAI DISCUSSION CLUB REPORT, AUGUST 2017');
    expect(masthead?.source).toMatchObject({ publisher: 'Valdai Discussion Club', date: '2017-08' });
  });

  it('reads a source document\'s lines on request', async () => {
    const res = await api.gql<{ entity: { lineCount: number; lines: { number: number; text: string }[] } }>(
      `{ entity(id: "source-000") { ... on Source { lineCount lines(from: 4, to: 6) { number text } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.lines).toEqual([
      { number: 4, text: fileLines('000_c5fc82dd9b71dc87.txt', 4, 4) },
      { number: 5, text: '## Russia and Japan strengthen their ties' },
      { number: 6, text: fileLines('000_c5fc82dd9b71dc87.txt', 6, 6) },
    ]);
    expect(res.data!.entity.lineCount).toBe(readFileSync(join(api.config.seedDocumentsDir, '000_c5fc82dd9b71dc87.txt'), 'utf8').split('\n').length);
  });

  it('refuses an inverted or oversized line range, naming the argument', async () => {
    const res = await api.gql(`{ entity(id: "source-000") { ... on Source { lines(from: 9, to: 3) { number } } } }`);
    expect(res.errors?.[0]?.extensions?.['argument']).toBe('to');
    const big = await api.gql(`{ entity(id: "source-004") { ... on Source { lines(from: 1, to: 1000) { number } } } }`);
    expect(big.errors?.[0]?.message).toMatch(/limit is 200/);
  });

  it('gives null quotes, not errors, when the documents are absent', async () => {
    const res = await noDocuments.gql<{ entity: { citations: CitationRow[]; lines: unknown } }>(
      `{ entity(id: "source-004") { citations { reference quote } ... on Source { lines(from: 1, to: 2) { number } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.citations.every((c) => c.quote === null)).toBe(true);
    expect(res.data!.entity.lines).toBeNull();
  });
});
