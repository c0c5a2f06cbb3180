import { parseCitation } from '../model/citation.js';
import type { SeedGraph, SeedProblem } from './seed-graph.js';

/**
 * Folds text for matching names against documents: case, diacritics,
 * typographic quotes and dashes, and words hyphenated across PDF lines.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‐-―−]/g, '-')
    .replace(/[’‘`]/g, "'")
    .replace(/-\s*\n\s*/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * Checks that every citation points at lines which mention what it cites:
 * an entity's citations must mention the entity by name, alias or mention;
 * a relationship's must mention at least one of its two ends.
 */
export function checkProvenance(
  graph: SeedGraph,
  documents: ReadonlyMap<string, readonly string[]>,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const namesById = new Map(
    graph.entities.map((e) => [e.id, [e.name, ...e.aliases.map((a) => a.name), ...e.mentions].map(foldText)]),
  );
  const citedText = (citation: string): string | undefined => {
    const parsed = parseCitation(citation);
    if (typeof parsed === 'string') return undefined;
    const lines = documents.get(parsed.document);
    if (!lines) return undefined;
    return foldText(lines.slice(parsed.startLine, parsed.endLine + 1).join('\n'));
  };
  const mentions = (text: string, id: string): boolean =>
    (namesById.get(id) ?? []).some((name) => name !== '' && text.includes(name));

  for (const entity of graph.entities) {
    for (const citation of entity.citations) {
      const text = citedText(citation);
      if (text === undefined) problems.push({ file: citation, id: entity.id, message: 'cited document is missing' });
      else if (!mentions(text, entity.id)) {
        problems.push({ file: citation, id: entity.id, message: `cited lines do not mention "${entity.name}" or any alias` });
      }
    }
  }
  for (const rel of graph.relationships) {
    for (const citation of rel.citations) {
      const text = citedText(citation);
      const label = `${rel.from} -${rel.type}-> ${rel.to}`;
      if (text === undefined) problems.push({ file: citation, id: label, message: 'cited document is missing' });
      else if (!mentions(text, rel.from) && !mentions(text, rel.to)) {
        problems.push({ file: citation, id: label, message: 'cited lines mention neither end of the relationship' });
      }
    }
  }
  return problems;
}
