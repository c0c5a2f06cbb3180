/**
 * When two figures disagree. The rule is the model's, documented in
 * schema/MODEL.md ("Disagreements between documents"), and applied to
 * Observations only: a statement has no value to compare.
 *
 * Two figures (Observations) disagree when all of these hold:
 * 1. they measure the same thing: the same `measure` (ignoring case, spacing
 *    and the kind of dash) in the same `unit`;
 * 2. they refer to the same time: their date ranges overlap, or neither is dated;
 * 3. they are about the same things: when both name subjects (ABOUT), one
 *    set of subjects contains the other (a chart's Russia–China figure and
 *    its Russia–Japan figure do not);
 * 4. they come from different documents: no document cites both;
 * 5. their values differ.
 * A `qualifier` does not stop a pairing: it often explains the disagreement
 * ("first 10 months only"), and each side keeps it.
 */
export interface Claim {
  readonly key: string;
  readonly measure: string;
  readonly unit: string;
  readonly value: number;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  /** File names of the documents citing the figure. */
  readonly documents: readonly string[];
  /** Keys of what the figure is about (ABOUT). */
  readonly subjects: readonly string[];
}

/** The measure as compared: lower case, single spaces, every dash a hyphen. */
export function measureKey(measure: string, unit: string): string {
  const fold = (text: string): string => text.toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim();
  return `${fold(measure)}\u0000${fold(unit)}`;
}

function sameTime(a: Claim, b: Claim): boolean {
  if (a.dateFrom === null && b.dateFrom === null) return true;
  if (a.dateFrom === null || b.dateFrom === null) return false;
  return a.dateFrom <= (b.dateTo ?? b.dateFrom) && b.dateFrom <= (a.dateTo ?? a.dateFrom);
}

function sameSubjects(a: Claim, b: Claim): boolean {
  if (a.subjects.length === 0 || b.subjects.length === 0) return true;
  const contains = (big: readonly string[], small: readonly string[]): boolean => small.every((s) => big.includes(s));
  return contains(a.subjects, b.subjects) || contains(b.subjects, a.subjects);
}

/** True when the two figures disagree by the rule above. */
export function disagree(a: Claim, b: Claim): boolean {
  return (
    a.key !== b.key &&
    measureKey(a.measure, a.unit) === measureKey(b.measure, b.unit) &&
    sameTime(a, b) &&
    sameSubjects(a, b) &&
    !a.documents.some((d) => b.documents.includes(d)) &&
    a.value !== b.value
  );
}

/** Every disagreeing pair among `claims`, each pair once (keys in order), sorted by measure then keys. */
export function pairDisagreements(claims: readonly Claim[]): [Claim, Claim][] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = measureKey(claim.measure, claim.unit);
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }
  const pairs: [Claim, Claim][] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.key.localeCompare(b.key));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (disagree(a, b)) pairs.push([a, b]);
      }
    }
  }
  return pairs.sort((x, y) => x[0].measure.localeCompare(y[0].measure) || x[0].key.localeCompare(y[0].key) || x[1].key.localeCompare(y[1].key));
}
