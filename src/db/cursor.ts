/**
 * Keyset cursors: the sort key of the row they point at, not an offset, so a
 * page boundary stays put when rows are added or removed before it.
 */
export type CursorKey = readonly (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor of `arity` values; returns undefined if it is not one of ours. */
export function decodeCursor(cursor: string, arity: number): CursorKey | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === arity &&
      value.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return value as CursorKey;
    }
  } catch {
    // fall through: not a cursor we issued
  }
  return undefined;
}
