import { describe, expect, it } from 'vitest';
import { Availability } from '../../src/db/availability.js';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A breaker whose probe answers as `state.up` says, counting probes. */
function breaker(state: { up: boolean; probes: number }, changes: boolean[] = []): Availability {
  return new Availability(
    () => {
      state.probes += 1;
      return state.up ? Promise.resolve() : Promise.reject(new Error('refused'));
    },
    20,
    (available) => changes.push(available),
  );
}

describe('the Neo4j availability breaker', () => {
  it('stays closed when a probe finds Neo4j up (a stale connection, not an outage)', async () => {
    const state = { up: true, probes: 0 };
    const availability = breaker(state);
    availability.suspect();
    await tick(30);
    expect(state.probes).toBe(1);
    expect(availability.available).toBe(true);
    availability.stop();
  });

  it('opens when the probe confirms, probes on, and closes on the first successful probe', async () => {
    const state = { up: false, probes: 0 };
    const changes: boolean[] = [];
    const availability = breaker(state, changes);
    availability.suspect();
    availability.suspect(); // one probe at a time
    await tick(5);
    expect(availability.available).toBe(false);
    await tick(90);
    expect(state.probes).toBeGreaterThanOrEqual(3);
    expect(availability.available).toBe(false);
    state.up = true;
    await tick(60);
    expect(availability.available).toBe(true);
    expect(changes).toEqual([false, true]);
    const settled = state.probes;
    await tick(60);
    expect(state.probes).toBe(settled); // no probing while up
    availability.stop();
  });

  it('stops probing when stopped', async () => {
    const state = { up: false, probes: 0 };
    const availability = breaker(state);
    availability.suspect();
    await tick(35);
    availability.stop();
    const seen = state.probes;
    await tick(60);
    expect(state.probes).toBeLessThanOrEqual(seen + 1);
  });
});
