import type { Params, Row } from './database.js';

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/**
 * The text lines of sources added through curation (`addSource` with `lines`,
 * kept in a `:SourceText` node), by file name, in key order: `null` where a
 * source has no stored text. One round trip per batch of file names.
 */
export async function sourceTextLines(read: Read, fileNames: readonly string[]): Promise<(readonly string[] | null)[]> {
  const rows = await read(
    'source-text',
    'UNWIND $fileNames AS fileName MATCH (t:SourceText {fileName: fileName}) RETURN fileName, t.lines AS lines',
    { fileNames },
  );
  const found = new Map(rows.map((row) => [String(row['fileName']), Array.isArray(row['lines']) ? row['lines'].map(String) : null]));
  return fileNames.map((fileName) => found.get(fileName) ?? null);
}

/** Lines `from`..`to` (1-based, inclusive, clipped) joined by newlines, as `DocumentText.quote` gives them. */
export function quoteLines(lines: readonly string[], from: number, to: number): string {
  return lines.slice(Math.max(1, from) - 1, Math.min(to, lines.length)).join('\n');
}
