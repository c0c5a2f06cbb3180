import { describe, expect, it } from 'vitest';
import { Availability } from '../../src/db/availability.js';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the Neo4j availability breaker', () => {
  it('opens on a connectivity failure, probes, and closes on the first successful probe', async () => {
    let up = false;
    let probes = 0;
    const changes: boolean[] = [];
    const availability = new Availability(
      () => {
        probes += 1;
        return up ? Promise.resolve() : Promise.reject(new Error('refused'));
      },
      20,
      (available) => changes.push(available),
    );
    expect(availability.available).toBe(true);
    availability.markUnreachable();
    availability.markUnreachable(); // once is enough
    expect(availability.available).toBe(false);
    await tick(90);
    expect(probes).toBeGreaterThanOrEqual(2);
    expect(availability.available).toBe(false);
    up = true;
    await tick(60);
    expect(availability.available).toBe(true);
    expect(changes).toEqual([false, true]);
    const settled = probes;
    await tick(60);
    expect(probes).toBe(settled); // no probing while up
    availability.stop();
  });

  it('stops probing when stopped', async () => {
    let probes = 0;
    const availability = new Availability(() => {
      probes += 1;
      return Promise.reject(new Error('refused'));
    }, 10);
    availability.markUnreachable();
    await tick(35);
    availability.stop();
    const seen = probes;
    await tick(50);
    expect(probes).toBeLessThanOrEqual(seen + 1);
  });
});
