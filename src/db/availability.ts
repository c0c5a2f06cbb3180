/**
 * A circuit breaker for "Neo4j has gone away". While the database is
 * unreachable every round trip would otherwise wait out the driver's connection
 * timeout and retries; instead, once one round trip has found it unreachable,
 * the others are refused at once and a single background probe checks every
 * `probeIntervalMs` whether it is back. The first successful probe closes the
 * breaker: the service recovers by itself, without a restart.
 */
export class Availability {
  private down = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly probeIntervalMs: number,
    private readonly onChange: (available: boolean) => void = () => {},
  ) {}

  /** False from a connectivity failure until a probe succeeds. */
  get available(): boolean {
    return !this.down;
  }

  /** Records that a round trip could not reach Neo4j; starts probing. */
  markUnreachable(): void {
    if (this.down || this.stopped) return;
    this.down = true;
    this.onChange(false);
    this.scheduleProbe();
  }

  /** Stops probing (the driver is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private scheduleProbe(): void {
    this.timer = setTimeout(() => {
      this.probe().then(
        () => {
          this.down = false;
          this.onChange(true);
        },
        () => {
          if (!this.stopped) this.scheduleProbe();
        },
      );
    }, this.probeIntervalMs);
    // Probing must never keep the process alive on its own.
    this.timer.unref();
  }
}
