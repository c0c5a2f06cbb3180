import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, placeLabelsOnSides } from '../../../explorer/src/label-placement.js';

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

  it('lets a highlighted entity’s label lie over faded entities, but not a faded label', () => {
    // A hub on a route (Japan), its label over two faded neighbours; one faded neighbour's label over the hub's body.
    const shown = placeLabels([
      { id: 'japan', priority: 600, label: box(0, 30, 100, 44), body: box(35, 0, 65, 30) },
      { id: 'faded-1', priority: 5, faint: true, label: box(200, 60, 260, 72), body: box(10, 32, 22, 44) },
      { id: 'faded-2', priority: 4, faint: true, label: box(300, 60, 360, 72), body: box(80, 30, 92, 42) },
      { id: 'faded-3', priority: 3, faint: true, label: box(40, 10, 90, 22), body: box(120, 10, 130, 20) },
    ]);
    expect([...shown].sort()).toEqual(['faded-1', 'faded-2', 'japan']);
    // A faded label still keeps off other faded entities.
    expect([...placeLabels([
      { id: 'a', priority: 5, faint: true, label: box(0, 20, 80, 32), body: box(30, 0, 50, 20) },
      { id: 'b', priority: 9, faint: true, label: box(200, 20, 280, 32), body: box(60, 22, 70, 30) },
    ])]).toEqual(['b']);
  });

  it('is stable: ties break on the id', () => {
    const candidates = [
      { id: 'b', priority: 1, label: box(0, 0, 10, 10) },
      { id: 'a', priority: 1, label: box(5, 5, 15, 15) },
    ];
    expect([...placeLabels(candidates)]).toEqual(['a']);
    expect([...placeLabels([...candidates].reverse())]).toEqual(['a']);
  });

  it('moves a name that must show to its first free alternative place, and drops one with none', () => {
    const placed = placeLabelsOnSides([
      { id: 'japan', priority: 600, label: box(0, 30, 100, 44), body: box(35, 0, 65, 30) },
      // RDIF's name below would cover Japan's; above it is free.
      { id: 'rdif', priority: 600, label: box(20, 40, 120, 54), body: box(55, 44, 85, 50), alternatives: [box(20, 100, 120, 114), box(200, 0, 300, 14)] },
      { id: 'minor', priority: 5, label: box(10, 35, 90, 49), alternatives: [box(0, 100, 50, 112)] },
    ]);
    expect([...placed]).toEqual([['japan', 0], ['rdif', 1]]);
  });

  it('does not count touching edges as overlap', () => {
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBe(false);
  });
});
