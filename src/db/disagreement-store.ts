import type { Claim } from '../model/disagreement.js';
import type { Params, Row } from './database.js';

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** The fields of `n` the disagreement rule compares (src/model/disagreement.ts). */
const CLAIM = (n: string): string => `{
  key: ${n}.id, measure: ${n}.measure, unit: ${n}.unit, value: ${n}.value, dateFrom: ${n}.dateFrom, dateTo: ${n}.dateTo,
  documents: reduce(ds = [], c IN coalesce(${n}.citations, []) | CASE WHEN split(c, ':')[0] IN ds THEN ds ELSE ds + split(c, ':')[0] END),
  subjects: [(${n})-[:ABOUT]->(s:Entity) | s.id]
}`;

function toClaim(row: unknown): Claim {
  const c = row as Record<string, unknown>;
  return {
    key: String(c['key']),
    measure: String(c['measure']),
    unit: String(c['unit']),
    value: Number(c['value']),
    dateFrom: typeof c['dateFrom'] === 'string' ? c['dateFrom'] : null,
    dateTo: typeof c['dateTo'] === 'string' ? c['dateTo'] : null,
    documents: (c['documents'] as string[] | null) ?? [],
    subjects: (c['subjects'] as string[] | null) ?? [],
  };
}

/**
 * Figures that could disagree: every Observation with a value whose measure
 * (case-folded) and unit are shared by another figure with a different value.
 * `measureContains` narrows by measure text. One round trip.
 */
export async function readCandidateClaims(read: Read, measureContains: string | null): Promise<Claim[]> {
  const rows = await read(
    'disagreement-candidates',
    `MATCH (n:Observation) WHERE n.value IS NOT NULL AND n.measure IS NOT NULL AND n.unit IS NOT NULL
       AND ($contains IS NULL OR toLower(n.measure) CONTAINS $contains)
     WITH toLower(n.measure) AS measure, n.unit AS unit, collect(n) AS figures
     WHERE size(figures) > 1
     UNWIND figures AS n
     RETURN ${CLAIM('n')} AS claim`,
    { contains: measureContains === null ? null : measureContains.toLowerCase() },
  );
  return rows.map((row) => toClaim(row['claim']));
}

/** For many figures, each figure's claim and the claims of the figures sharing its measure and unit. One round trip. */
export async function readRivalClaims(read: Read, keys: readonly string[]): Promise<{ self: Claim | null; rivals: Claim[] }[]> {
  const rows = await read(
    'disagreement-rivals',
    `UNWIND $keys AS key
     MATCH (o:Observation {id: key}) WHERE o.value IS NOT NULL AND o.measure IS NOT NULL
     CALL (o) {
       MATCH (n:Observation) WHERE n.unit = o.unit AND n <> o AND n.value IS NOT NULL AND toLower(n.measure) = toLower(o.measure)
       RETURN collect(${CLAIM('n')}) AS rivals
     }
     RETURN key, ${CLAIM('o')} AS self, rivals`,
    { keys },
  );
  const byKey = new Map(rows.map((row) => [String(row['key']), { self: toClaim(row['self']), rivals: (row['rivals'] as unknown[]).map(toClaim) }]));
  return keys.map((key) => byKey.get(key) ?? { self: null, rivals: [] });
}
