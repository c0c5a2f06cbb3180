/**
 * fCoSE draws random numbers from Math.random. Running a layout with a
 * generator seeded by the graph itself makes the same graph always come out
 * the same way, so a shared link shows the picture its author saw.
 */

/** Runs `work` (synchronous) with Math.random replaced by a generator seeded from `seedText`. */
export function withSeededRandom<T>(seedText: string, work: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(hash(seedText));
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

/** A small, fast 32-bit PRNG (Tommy Ettinger's Mulberry32); plenty for a layout. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the text's UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
