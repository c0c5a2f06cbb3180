import { foldText } from './provenance.js';
import { pairKey, readDistinctDeclarations, type DistinctDeclaration } from './distinct-entities.js';
import type { RawSeedFile } from './read-seed-files.js';
import type { SeedEntity, SeedGraph, SeedProblem } from './seed-graph.js';

/** Two entities that go by the same normalised name or alias. */
export interface LikelyDuplicate {
  readonly ids: readonly [string, string];
  readonly sharedName: string;
  /** Set when a seed file declares the pair distinct; the reason it gives. */
  readonly distinctBecause?: string;
}

/** Normalises a name for duplicate detection: case, diacritics, punctuation, a leading "the". */
export function normaliseName(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Entities no relationship touches. */
export function isolatedEntities(graph: SeedGraph): SeedEntity[] {
  const touched = new Set<string>();
  for (const rel of graph.relationships) {
    touched.add(rel.from);
    touched.add(rel.to);
  }
  return graph.entities.filter((e) => !touched.has(e.id));
}

/** Pairs of entities sharing a normalised name or alias, with any declared reason they differ. */
export function likelyDuplicates(graph: SeedGraph, declarations: readonly DistinctDeclaration[]): LikelyDuplicate[] {
  const byName = new Map<string, string[]>();
  for (const entity of graph.entities) {
    const names = new Set([entity.name, ...entity.aliases.map((a) => a.name)].map(normaliseName));
    for (const name of names) {
      if (name === '') continue;
      const ids = byName.get(name) ?? [];
      ids.push(entity.id);
      byName.set(name, ids);
    }
  }
  const reasons = new Map(declarations.map((d) => [pairKey(d.ids[0], d.ids[1]), d.reason]));
  const found = new Map<string, LikelyDuplicate>();
  for (const [name, ids] of byName) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i]!, ids[j]!].sort() as [string, string];
        const key = pairKey(a, b);
        if (found.has(key)) continue;
        const reason = reasons.get(key);
        found.set(key, reason === undefined ? { ids: [a, b], sharedName: name } : { ids: [a, b], sharedName: name, distinctBecause: reason });
      }
    }
  }
  return [...found.values()].sort((x, y) => x.ids.join().localeCompare(y.ids.join()));
}

/**
 * The graph-wide checks the validator adds after merging: no isolated entity,
 * and no two entities sharing a name unless a `distinct` entry explains why.
 */
export function checkGraphShape(graph: SeedGraph, files: readonly RawSeedFile[]): SeedProblem[] {
  const { declarations, problems } = readDistinctDeclarations(files);
  const ids = new Set(graph.entities.map((e) => e.id));
  for (const d of declarations) {
    for (const id of d.ids) if (!ids.has(id)) problems.push({ file: d.file, id: 'distinct', message: `distinct pair names unknown entity "${id}"` });
  }
  const fileOf = (id: string): string => graph.entities.find((e) => e.id === id)?.citations[0]?.split(':')[0] ?? '-';
  for (const entity of isolatedEntities(graph)) {
    problems.push({ file: fileOf(entity.id), id: entity.id, message: 'isolated entity: no relationship connects it to the rest of the graph' });
  }
  for (const dup of likelyDuplicates(graph, declarations)) {
    if (dup.distinctBecause !== undefined) continue;
    problems.push({
      file: fileOf(dup.ids[0]),
      id: dup.ids.join(' / '),
      message: `likely duplicate: both go by "${dup.sharedName}"; merge them, or declare them in a "distinct" list with the reason`,
    });
  }
  return problems;
}
