import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentManifestEntry } from '../seed/documents.js';

/** Why no quote can be given; reported in logs at start and in the schema's descriptions. */
export type DocumentAbsence = 'missing' | 'changed';

/**
 * The text of the source documents, read once at start from SEED_DOCUMENTS_DIR.
 * The repository keeps no copy of the documents: where a file is missing, or
 * differs from the one the seed cites (its SHA-256 is in seed/documents.json),
 * its lines are unavailable and quotes are null.
 */
export class DocumentText {
  private constructor(
    private readonly lines: ReadonlyMap<string, readonly string[]>,
    /** Documents that could not be used, and why. */
    readonly absent: ReadonlyMap<string, DocumentAbsence>,
  ) {}

  /** Reads every document of the manifest from `directory`; never throws for a missing file. */
  static load(directory: string, manifest: readonly DocumentManifestEntry[]): DocumentText {
    const lines = new Map<string, readonly string[]>();
    const absent = new Map<string, DocumentAbsence>();
    for (const entry of manifest) {
      const path = join(directory, entry.fileName);
      if (!existsSync(path)) {
        absent.set(entry.fileName, 'missing');
        continue;
      }
      const bytes = readFileSync(path);
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
        absent.set(entry.fileName, 'changed');
        continue;
      }
      lines.set(entry.fileName, bytes.toString('utf8').split('\n'));
    }
    return new DocumentText(lines, absent);
  }

  /** No documents at all (tests of the absent case, tools that need none). */
  static empty(): DocumentText {
    return new DocumentText(new Map(), new Map());
  }

  /** How many lines a document has, or null when its text is unavailable. */
  lineCount(fileName: string): number | null {
    return this.lines.get(fileName)?.length ?? null;
  }

  /**
   * Lines `from`..`to` (1-based, inclusive, clipped to the document), or null
   * when the document's text is unavailable.
   */
  linesOf(fileName: string, from: number, to: number): { number: number; text: string }[] | null {
    const all = this.lines.get(fileName);
    if (!all) return null;
    const out: { number: number; text: string }[] = [];
    for (let n = Math.max(1, from); n <= Math.min(to, all.length); n++) out.push({ number: n, text: all[n - 1] ?? '' });
    return out;
  }

  /** The cited lines joined by newlines, or null when the document's text is unavailable. */
  quote(fileName: string, startLine: number, endLine: number): string | null {
    return this.linesOf(fileName, startLine, endLine)?.map((line) => line.text).join('\n') ?? null;
  }
}

const MANIFEST = new URL('../../seed/documents.json', import.meta.url);

/** Reads the documents the seed cites (seed/documents.json) from `directory`. */
export function loadDocumentText(directory: string): DocumentText {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as DocumentManifestEntry[];
  return DocumentText.load(directory, manifest);
}
