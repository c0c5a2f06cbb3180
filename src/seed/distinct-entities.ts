import type { RawSeedFile } from './read-seed-files.js';

/**
 * Entities that share a (normalised) name or alias but are different things,
 * declared in a seed file's top-level `distinct` list, each pair with its reason:
 *
 *     distinct:
 *       - {ids: [kuril-islands, southern-kuril-islands], reason: "the whole chain vs the four disputed islands"}
 */
export interface DistinctDeclaration {
  readonly ids: readonly [string, string];
  readonly reason: string;
  readonly file: string;
}

/** A problem in a `distinct` list, located like any other seed problem. */
export interface DistinctProblem {
  readonly file: string;
  readonly id: string;
  readonly message: string;
}

export function readDistinctDeclarations(files: readonly RawSeedFile[]): {
  declarations: DistinctDeclaration[];
  problems: DistinctProblem[];
} {
  const declarations: DistinctDeclaration[] = [];
  const problems: DistinctProblem[] = [];
  for (const { file, content } of files) {
    if (typeof content !== 'object' || content === null || Array.isArray(content)) continue;
    const list = (content as Record<string, unknown>)['distinct'];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ file, id: 'distinct', message: '"distinct" must be a list of {ids: [a, b], reason}' });
      continue;
    }
    for (const [index, raw] of list.entries()) {
      const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const ids = item['ids'];
      const reason = item['reason'];
      if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === 'string') || ids[0] === ids[1]) {
        problems.push({ file, id: `distinct[${index}]`, message: '"ids" must name two different entity ids' });
        continue;
      }
      if (typeof reason !== 'string' || reason.trim() === '') {
        problems.push({ file, id: `distinct[${index}]`, message: `distinct pair ${ids.join(' / ')} needs a "reason"` });
        continue;
      }
      declarations.push({ ids: [ids[0] as string, ids[1] as string], reason: reason.trim(), file });
    }
  }
  return { declarations, problems };
}

/** Order-free key of a pair of ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
