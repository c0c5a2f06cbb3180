/**
 * Joins small string pieces into chunks of about `size` characters, so a
 * stream of a million elements is a few thousand writes, not a million.
 */
export async function* chunked(pieces: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer: string[] = [];
  let length = 0;
  for await (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}
