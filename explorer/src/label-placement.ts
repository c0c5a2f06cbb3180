/**
 * Chooses which labels to draw so that none overlaps another, nor another
 * entity's shape: labels are placed greedily, most important first, and a
 * label that would collide is left out (it shows on hover and selection).
 * Boxes are in model coordinates, so the choice holds at every zoom.
 */

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface LabelCandidate {
  readonly id: string;
  /** Higher goes first. */
  readonly priority: number;
  readonly label: Box;
  /** The element's own shape (a node's body), which its own label may touch; others' labels may not. */
  readonly body?: Box;
  /**
   * Drawn faded (off the highlighted routes): its body shows through a label
   * drawn over it, so it keeps only other faded labels away. Without this a hub
   * on a route (Japan) lost its name to the faded neighbours crowding it.
   */
  readonly faint?: boolean;
  /** Other places its label may go (above, beside its body), tried in order when `label` collides. */
  readonly alternatives?: readonly Box[];
}

/** Do two boxes overlap (touching edges do not count)? */
export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The ids whose labels to draw. Ties in priority break on id, so the choice is stable. */
export function placeLabels(candidates: readonly LabelCandidate[]): Set<string> {
  return new Set(placeLabelsOnSides(candidates).keys());
}

/**
 * The ids whose labels to draw, each with where: 0 for `label`, i for
 * `alternatives[i - 1]` (the first place that collides with nothing placed).
 */
export function placeLabelsOnSides(candidates: readonly LabelCandidate[]): Map<string, number> {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bodies = candidates.filter((c) => c.body !== undefined);
  const placed: Box[] = [];
  const shown = new Map<string, number>();
  for (const candidate of ordered) {
    const fits = (label: Box): boolean =>
      !placed.some((box) => overlaps(box, label)) &&
      !bodies.some((other) => other.id !== candidate.id && (candidate.faint === true || other.faint !== true) && overlaps(other.body!, label));
    const side = [candidate.label, ...(candidate.alternatives ?? [])].findIndex(fits);
    if (side < 0) continue;
    placed.push(side === 0 ? candidate.label : candidate.alternatives![side - 1]!);
    shown.set(candidate.id, side);
  }
  return shown;
}
