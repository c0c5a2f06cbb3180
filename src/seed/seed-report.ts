import { parseCitation } from '../model/citation.js';
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model.js';
import { readDistinctDeclarations } from './distinct-entities.js';
import { isolatedEntities, likelyDuplicates, type LikelyDuplicate } from './graph-shape.js';
import type { RawSeedFile } from './read-seed-files.js';
import type { SeedGraph } from './seed-graph.js';

/** How widely a fact is attested: one line range, several in one document, several documents. */
export interface CitationSpread {
  readonly oneCitation: number;
  readonly severalCitationsOneDocument: number;
  readonly severalDocuments: number;
}

/** What `npm run seed:report` prints, as data (also printed with `--json`). */
export interface SeedReport {
  readonly entities: number;
  readonly relationships: number;
  readonly entitiesByLabel: Readonly<Record<string, number>>;
  readonly relationshipsByType: Readonly<Record<string, number>>;
  readonly undated: Readonly<Record<'Event' | 'Treaty' | 'Policy', readonly string[]>>;
  readonly genericTies: readonly { from: string; to: string; relation: string; documents: readonly string[] }[];
  readonly genericTiesByDocument: Readonly<Record<string, number>>;
  readonly isolated: readonly string[];
  readonly likelyDuplicates: readonly LikelyDuplicate[];
  readonly entityCitations: CitationSpread;
  readonly relationshipCitations: CitationSpread;
  /** Statement, Observation and Source nodes, against all nodes. */
  readonly claimNodes: { readonly count: number; readonly share: number };
  /** Statements with no speaker, and statements/observations about no actor. */
  readonly statementsWithoutSpeaker: readonly string[];
  readonly claimsAboutNoActor: readonly string[];
}

const ACTOR_LABELS = new Set(['Person', 'Country', 'InternationalOrganization', 'PublicBody', 'Company', 'Organization']);

function documentsOf(citations: readonly string[]): string[] {
  const docs = new Set<string>();
  for (const c of citations) {
    const parsed = parseCitation(c);
    if (typeof parsed !== 'string') docs.add(parsed.document);
  }
  return [...docs].sort();
}

function spread(items: readonly { citations: readonly string[] }[]): CitationSpread {
  let one = 0;
  let oneDoc = 0;
  let several = 0;
  for (const { citations } of items) {
    if (documentsOf(citations).length > 1) several++;
    else if (citations.length > 1) oneDoc++;
    else one++;
  }
  return { oneCitation: one, severalCitationsOneDocument: oneDoc, severalDocuments: several };
}

export function buildSeedReport(graph: SeedGraph, files: readonly RawSeedFile[]): SeedReport {
  const entitiesByLabel: Record<string, number> = {};
  for (const label of ENTITY_LABELS) entitiesByLabel[label] = 0;
  for (const e of graph.entities) entitiesByLabel[e.label] = (entitiesByLabel[e.label] ?? 0) + 1;
  const relationshipsByType: Record<string, number> = {};
  for (const type of RELATIONSHIP_TYPES) relationshipsByType[type] = 0;
  for (const r of graph.relationships) relationshipsByType[r.type] = (relationshipsByType[r.type] ?? 0) + 1;

  const undatedOf = (label: 'Event' | 'Treaty' | 'Policy'): string[] =>
    graph.entities.filter((e) => e.label === label && e.properties['date'] === undefined).map((e) => e.id).sort();

  const genericTies = graph.relationships
    .filter((r) => r.type === 'RELATED_TO')
    .map((r) => ({ from: r.from, to: r.to, relation: String(r.properties['relation'] ?? ''), documents: documentsOf(r.citations) }));
  const genericTiesByDocument: Record<string, number> = {};
  for (const tie of genericTies) {
    const key = tie.documents.map((d) => d.slice(0, 3)).join('+');
    genericTiesByDocument[key] = (genericTiesByDocument[key] ?? 0) + 1;
  }

  const labelOf = new Map(graph.entities.map((e) => [e.id, e.label]));
  const speakers = new Set(graph.relationships.filter((r) => r.type === 'STATED').map((r) => r.to));
  const aboutActor = new Set(
    graph.relationships
      .filter((r) => (r.type === 'ABOUT' || r.type === 'REPORTED_BY') && ACTOR_LABELS.has(labelOf.get(r.to) ?? ''))
      .map((r) => r.from),
  );
  const claims = graph.entities.filter((e) => e.label === 'Statement' || e.label === 'Observation');
  const claimNodes = graph.entities.filter((e) => e.label === 'Statement' || e.label === 'Observation' || e.label === 'Source').length;

  return {
    entities: graph.entities.length,
    relationships: graph.relationships.length,
    entitiesByLabel,
    relationshipsByType,
    undated: { Event: undatedOf('Event'), Treaty: undatedOf('Treaty'), Policy: undatedOf('Policy') },
    genericTies,
    genericTiesByDocument,
    isolated: isolatedEntities(graph).map((e) => e.id),
    likelyDuplicates: likelyDuplicates(graph, readDistinctDeclarations(files).declarations),
    entityCitations: spread(graph.entities),
    relationshipCitations: spread(graph.relationships),
    claimNodes: { count: claimNodes, share: graph.entities.length === 0 ? 0 : claimNodes / graph.entities.length },
    statementsWithoutSpeaker: claims.filter((e) => e.label === 'Statement' && !speakers.has(e.id)).map((e) => e.id),
    claimsAboutNoActor: claims.filter((e) => !aboutActor.has(e.id) && !(e.label === 'Statement' && speakers.has(e.id))).map((e) => e.id),
  };
}

/** The report as plain text, one section per question. */
export function formatSeedReport(report: SeedReport): string {
  const out: string[] = [];
  const section = (title: string): void => {
    out.push('', `## ${title}`);
  };
  const counts = (record: Readonly<Record<string, number>>): void => {
    for (const [key, n] of Object.entries(record)) out.push(`  ${key.padEnd(24)} ${String(n).padStart(5)}`);
  };
  const list = (items: readonly string[]): void => {
    if (items.length === 0) out.push('  (none)');
    for (const item of items) out.push(`  - ${item}`);
  };
  const spreadLines = (name: string, s: CitationSpread): void => {
    out.push(`  ${name}: ${s.oneCitation} with one citation, ${s.severalCitationsOneDocument} with several in one document, ${s.severalDocuments} cited from several documents`);
  };

  out.push(`# Seed report: ${report.entities} entities, ${report.relationships} relationships`);
  section('Entities per kind');
  counts(report.entitiesByLabel);
  section('Relationships per type');
  counts(report.relationshipsByType);
  for (const label of ['Event', 'Treaty', 'Policy'] as const) {
    section(`Undated ${label} nodes (${report.undated[label].length})`);
    list(report.undated[label]);
  }
  section(`Generic ties: RELATED_TO (${report.genericTies.length})`);
  for (const [docs, n] of Object.entries(report.genericTiesByDocument).sort()) out.push(`  document ${docs}: ${n}`);
  list(report.genericTies.map((t) => `${t.from} -> ${t.to}: ${t.relation}`));
  section(`Isolated nodes (${report.isolated.length})`);
  list(report.isolated);
  const unexplained = report.likelyDuplicates.filter((d) => d.distinctBecause === undefined);
  section(`Likely duplicates (${unexplained.length} unexplained, ${report.likelyDuplicates.length - unexplained.length} declared distinct)`);
  list(report.likelyDuplicates.map((d) => `${d.ids.join(' / ')} share "${d.sharedName}"${d.distinctBecause ? ` (distinct: ${d.distinctBecause})` : ' UNEXPLAINED'}`));
  section('How widely facts are attested');
  spreadLines('entities', report.entityCitations);
  spreadLines('relationships', report.relationshipCitations);
  section('Statements and figures');
  out.push(`  Statement, Observation and Source nodes: ${report.claimNodes.count} of ${report.entities} (${(report.claimNodes.share * 100).toFixed(1)}%)`);
  out.push(`  Statements with no speaker (${report.statementsWithoutSpeaker.length}):`);
  list(report.statementsWithoutSpeaker);
  out.push(`  Statements and figures tied to no actor (${report.claimsAboutNoActor.length}):`);
  list(report.claimsAboutNoActor);
  return out.join('\n');
}
