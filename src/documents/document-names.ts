import { readFileSync } from 'node:fs';
import type { DocumentManifestEntry } from '../seed/documents.js';

/** The file names of the documents the seed cites (seed/documents.json), known even when their text is absent. */
export const DOCUMENT_FILE_NAMES: readonly string[] = (
  JSON.parse(readFileSync(new URL('../../seed/documents.json', import.meta.url), 'utf8')) as DocumentManifestEntry[]
).map((entry) => entry.fileName);

/** A document's file name from its full name or its number ("001"); undefined if no such document. */
export function resolveDocumentName(value: string): string | undefined {
  return DOCUMENT_FILE_NAMES.find((name) => name === value || name.startsWith(`${value}_`));
}
