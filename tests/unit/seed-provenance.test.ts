import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DIRECTORY } from '../../src/bootstrap.js';
import { lineCountsOf, readDocumentLines, readDocumentManifest } from '../../src/seed/documents.js';
import { checkProvenance } from '../../src/seed/provenance.js';
import { readSeedFiles } from '../../src/seed/read-seed-files.js';
import { formatProblem } from '../../src/seed/seed-graph.js';
import { validateSeed } from '../../src/seed/validate-seed.js';

// The documents live beside the project (../shared/seeds); CI has them, and this test fails without them.
const DOCUMENTS = process.env['SEED_DOCUMENTS_DIR'] ?? join(SEED_DIRECTORY, '..', '..', 'shared', 'seeds');

describe('the seed graph', async () => {
  const manifest = await readDocumentManifest(SEED_DIRECTORY);
  const { graph, problems } = validateSeed(await readSeedFiles(SEED_DIRECTORY), lineCountsOf(manifest));

  it('validates against the model with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(graph.entities.length).toBeGreaterThan(300);
  });

  it('is built from exactly the documents in the manifest, unchanged', async () => {
    for (const entry of manifest) {
      const bytes = await readFile(join(DOCUMENTS, entry.fileName));
      expect(createHash('sha256').update(bytes).digest('hex'), entry.fileName).toBe(entry.sha256);
    }
  });

  it('cites, for every node and relationship, lines that exist and mention it', async () => {
    const documents = new Map<string, string[]>();
    for (const { fileName } of manifest) documents.set(fileName, await readDocumentLines(DOCUMENTS, fileName));
    expect(checkProvenance(graph, documents).map(formatProblem)).toEqual([]);
    for (const entity of graph.entities) expect(entity.citations.length, entity.id).toBeGreaterThan(0);
    for (const rel of graph.relationships) expect(rel.citations.length, rel.id).toBeGreaterThan(0);
  });

  it('has a source node for every document, with its title', () => {
    const sources = graph.entities.filter((e) => e.label === 'Source');
    expect(sources.map((s) => s.properties['fileName']).sort()).toEqual(manifest.map((m) => m.fileName).sort());
    for (const s of sources) expect(s.properties['title']).toBeTruthy();
  });

  it('copies no sentence of the documents into descriptions', async () => {
    const text = (await Promise.all(manifest.map((m) => readFile(join(DOCUMENTS, m.fileName), 'utf8')))).join('\n').toLowerCase().replace(/\s+/g, ' ');
    const copied = graph.entities
      .filter((e) => e.description !== undefined)
      .filter((e) => {
        const words = e.description!.toLowerCase().replace(/\s+/g, ' ').split(' ');
        // Any run of 10 consecutive words found verbatim in a document counts as copying.
        for (let i = 0; i + 10 <= words.length; i++) if (text.includes(words.slice(i, i + 10).join(' '))) return true;
        return false;
      })
      .map((e) => e.id);
    expect(copied).toEqual([]);
  });
});
