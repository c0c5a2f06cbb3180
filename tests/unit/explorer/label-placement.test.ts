import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels } from '../../../explorer/src/label-placement.js';

const box = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });

describe('label placement', () => {
  it('keeps the more important of two overlapping labels', () => {
    const shown = placeLabels([
      { id: 'minor', priority: 1, label: box(0, 0, 100, 12) },
      { id: 'focus', priority: 1000, label: box(50, 5, 150, 17) },
      { id: 'apart', priority: 0, label: box(0, 40, 100, 52) },
    ]);
    expect([...shown].sort()).toEqual(['apart', 'focus']);
  });

  it('keeps labels off other entities but lets a label touch its own', () => {
    const shown = placeLabels([
      { id: 'a', priority: 5, label: box(0, 20, 80, 32), body: box(30, 0, 50, 20) },
      { id: 'b', priority: 9, label: box(200, 20, 280, 32), body: box(60, 22, 70, 30) },
    ]);
    expect([...shown]).toEqual(['b']);
  });

  it('is stable: ties break on the id', () => {
    const candidates = [
      { id: 'b', priority: 1, label: box(0, 0, 10, 10) },
      { id: 'a', priority: 1, label: box(5, 5, 15, 15) },
    ];
    expect([...placeLabels(candidates)]).toEqual(['a']);
    expect([...placeLabels([...candidates].reverse())]).toEqual(['a']);
  });

  it('does not count touching edges as overlap', () => {
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBe(false);
  });
});
