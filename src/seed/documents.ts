import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The manifest of source documents committed in `seed/documents.json`. */
export interface DocumentManifestEntry {
  readonly fileName: string;
  readonly lines: number;
  readonly sha256: string;
}

/** Reads the committed manifest: the loader needs line counts even where the documents are absent (Docker). */
export async function readDocumentManifest(seedDirectory: string): Promise<DocumentManifestEntry[]> {
  const text = await readFile(join(seedDirectory, 'documents.json'), 'utf8');
  return JSON.parse(text) as DocumentManifestEntry[];
}

export function lineCountsOf(manifest: readonly DocumentManifestEntry[]): Map<string, number> {
  return new Map(manifest.map((entry) => [entry.fileName, entry.lines]));
}

/** A document's lines, 1-based: `lines[0]` is empty so that `lines[n]` is line n. */
export async function readDocumentLines(documentsDirectory: string, fileName: string): Promise<string[]> {
  const text = await readFile(join(documentsDirectory, fileName), 'utf8');
  return ['', ...text.split('\n')];
}
