/** One per-user quota window as the benchmark reads it. */
export interface WindowCounters {
  start: number;
  end: number;
  /** Units taken by admitted calls (whatever their outcome). */
  unitsCharged: number;
  /** Units of admitted calls that answered 2xx. */
  unitsSucceeded: number;
  /** Calls refused for quota ("User-rate limit exceeded") in this window. */
  refusals: number;
}

export interface CountersSnapshot {
  windows: WindowCounters[];
  unitsSucceeded: number;
  callsByMethod: Record<string, number>;
  errorsByKind: Record<string, number>;
  maxConcurrency: number;
  inFlight: number;
}

/** What the emulator saw, readable by tests and the benchmark at any moment. */
export class Counters {
  readonly windows: WindowCounters[] = [];
  readonly callsByMethod: Record<string, number> = {};
  readonly errorsByKind: Record<string, number> = {};
  maxConcurrency = 0;
  inFlight = 0;

  countCall(method: string): void {
    this.callsByMethod[method] = (this.callsByMethod[method] ?? 0) + 1;
  }

  countError(kind: string): void {
    this.errorsByKind[kind] = (this.errorsByKind[kind] ?? 0) + 1;
  }

  enter(): void {
    this.inFlight++;
    if (this.inFlight > this.maxConcurrency) this.maxConcurrency = this.inFlight;
  }

  leave(): void {
    this.inFlight--;
  }

  get unitsSucceeded(): number {
    return this.windows.reduce((sum, w) => sum + w.unitsSucceeded, 0);
  }

  snapshot(): CountersSnapshot {
    return structuredClone({
      windows: this.windows,
      unitsSucceeded: this.unitsSucceeded,
      callsByMethod: this.callsByMethod,
      errorsByKind: this.errorsByKind,
      maxConcurrency: this.maxConcurrency,
      inFlight: this.inFlight,
    });
  }

  reset(): void {
    this.windows.length = 0;
    for (const key of Object.keys(this.callsByMethod)) delete this.callsByMethod[key];
    for (const key of Object.keys(this.errorsByKind)) delete this.errorsByKind[key];
    this.maxConcurrency = this.inFlight;
  }
}
