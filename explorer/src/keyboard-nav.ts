/**
 * Arrow keys on the graph: move the selection to the neighbour that lies in
 * the pressed direction. Pure, so it is unit-tested
 * (tests/unit/explorer/keyboard-nav.test.ts).
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Placed {
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

const VECTORS: Readonly<Record<Direction, { x: number; y: number }>> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** The arrow key's direction, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

/**
 * The candidate in `direction` from `origin` (screen coordinates, y down):
 * within 70° of it, the nearest once the angle is weighed in (a neighbour
 * straight ahead beats a slightly closer one off to the side). Null if none lies that way.
 */
export function neighbourInDirection(origin: { x: number; y: number }, candidates: readonly Placed[], direction: Direction): string | null {
  const want = VECTORS[direction];
  let best: { key: string; score: number } | null = null;
  for (const candidate of candidates) {
    const dx = candidate.x - origin.x;
    const dy = candidate.y - origin.y;
    const distance = Math.hypot(dx, dy);
    if (distance < 1e-6) continue;
    const angle = Math.acos(Math.max(-1, Math.min(1, (dx * want.x + dy * want.y) / distance)));
    if (angle > (70 * Math.PI) / 180) continue;
    const score = distance * (1 + 2 * angle);
    if (best === null || score < best.score || (score === best.score && candidate.key < best.key)) best = { key: candidate.key, score };
  }
  return best?.key ?? null;
}
