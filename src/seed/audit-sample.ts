import type { SeedGraph } from './seed-graph.js';

/** One fact drawn for a manual audit: an entity, or a relationship between two entities. */
export interface AuditFact {
  /** `entity:<id>` or `rel:<from> -TYPE-> <to> <properties>`. */
  readonly key: string;
  readonly citations: readonly string[];
}

/** Mulberry32: a small seeded generator, so the same seed draws the same sample. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable key of every fact in the graph, in a fixed order. */
export function factsOf(graph: SeedGraph): AuditFact[] {
  const entities = graph.entities.map((e) => ({ key: `entity:${e.id}`, citations: e.citations }));
  const relationships = graph.relationships.map((r) => ({
    key: `rel:${r.from} -${r.type}-> ${r.to} ${JSON.stringify(r.properties)}`,
    citations: r.citations,
  }));
  return [...entities, ...relationships].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Draws `size` distinct facts with a seeded generator (a partial Fisher–Yates shuffle). */
export function drawAuditSample(graph: SeedGraph, seed: number, size: number): AuditFact[] {
  const facts = factsOf(graph);
  const random = generator(seed);
  const n = Math.min(size, facts.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (facts.length - i));
    [facts[i], facts[j]] = [facts[j]!, facts[i]!];
  }
  return facts.slice(0, n);
}
