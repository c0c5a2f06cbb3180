/**
 * A circuit breaker for "Neo4j has gone away". While the database is
 * unreachable every round trip would otherwise wait out the driver's connection
 * timeout and retries; instead, as soon as one round trip meets a connectivity
 * error, one probe checks Neo4j at once; if it fails too, the breaker opens:
 * round trips are refused immediately (in-flight ones stop retrying) and a
 * single probe runs every `probeIntervalMs`. The first successful probe closes
 * it again: the service recovers by itself, without a restart. A lone stale
 * connection (after a Neo4j restart) does not open it: the probe succeeds.
 */
export class Availability {
  private down = false;
  private checking = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly probeIntervalMs: number,
    private readonly onChange: (available: boolean) => void = () => {},
  ) {}

  /** False from a confirmed connectivity failure until a probe succeeds. */
  get available(): boolean {
    return !this.down;
  }

  /** Reports a connectivity error; the breaker opens if a probe confirms it. */
  suspect(): void {
    if (this.down || this.checking || this.stopped) return;
    this.checking = true;
    this.probe().then(
      () => {
        this.checking = false;
      },
      () => {
        this.checking = false;
        this.open();
      },
    );
  }

  /** Stops probing (the driver is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private open(): void {
    if (this.down || this.stopped) return;
    this.down = true;
    this.onChange(false);
    this.scheduleProbe();
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
