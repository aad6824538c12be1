/**
 * Gmail's per-user quota window as far as a client can know it. docs/sync.md "Quota, retries,
 * errors": a window starts with the first call admitted after the previous one ended and lasts a
 * minute; what counts is the units of the calls admitted inside it. A client never sees the moment
 * a call is admitted, only that it lies between the call's start and its answer, so this ledger
 * keeps two bounds on the start of the server's current window:
 *
 * - `lo`: it cannot have started earlier (the first call of the window was started then, or, when
 *   calls of the window before were still being answered, that window's earliest possible end);
 * - `hi`: it has surely started (a call of this window was answered, so it was admitted, by then).
 *
 * The server's window thus ends between lo + W and hi + W. The next one is opened only after
 * hi + W, and calls that may still be admitted after lo + W (answered after it, or not yet
 * answered when the next window opens) are counted in both windows. Spending stops a little before
 * lo + W (the quiet guard: about the slowest recent call), so that usually none is, and the next
 * window's bounds are tight again. A call refused for quota spent nothing and is given back; a
 * refusal's "Retry after" names the server's window end exactly.
 */

/** One call (or batch) counted against the window it was started in. */
export interface WindowSpend {
  readonly units: number;
  readonly serial: number;
  readonly startedAt: number;
}

/**
 * The quiet guard: this many times the slowest recent call, at most a twentieth of the window (on
 * a busy machine calls are slow and the window's budget is out of reach anyway: idling longer
 * would only lose work, and a call answered late is counted in both windows, which is safe).
 */
const GUARD_FACTOR = 1.5;
const GUARD_MAX_SHARE = 0.05;

export class QuotaWindow {
  readonly windowMs: number;
  #serial = 0;
  #lo: number | null = null;
  #hi: number | null = null;
  #spent = 0;
  #admittedInside = 0;
  #late = 0;
  readonly #inFlight = new Set<WindowSpend>();
  #slowest = 0;
  #slowestBefore = 0;
  /** When a call that may have been charged was last answered (or failed). */
  #lastChargedAt: number | null = null;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  /** Opens the next window once the current one has surely ended; true when a window opened. */
  roll(now: number): boolean {
    if (this.#lo === null) {
      this.#open(now, 0);
      return true;
    }
    const endsBy = this.endsBy;
    if (endsBy === null || now < endsBy) return false;
    let carried = this.#late;
    for (const spend of this.#inFlight) carried += spend.units;
    // Every call was answered before the last window could end: the next starts with our next call.
    // Otherwise one answered later may have started it already, as early as that end.
    this.#open(carried === 0 ? now : this.#lo + this.windowMs, carried);
    return true;
  }

  /**
   * Nothing of this window was answered and nothing is in flight, yet it is time to go quiet: any
   * window the server holds open was started by a call already answered, so it ends within a
   * window of the last one; this one is closed then.
   */
  closeUnanswered(): void {
    if (this.#hi !== null || this.#inFlight.size > 0) return;
    this.#hi = this.#lastChargedAt ?? (this.#lo ?? 0) - this.windowMs;
  }

  /** Increases each time a window opens. */
  get serial(): number {
    return this.#serial;
  }

  /** The earliest the current window can have started (null before the first call). */
  get startsFrom(): number | null {
    return this.#lo;
  }

  /** When the current window has surely ended, or null while no call of it was answered yet. */
  get endsBy(): number | null {
    return this.#hi === null ? null : this.#hi + this.windowMs;
  }

  /** From then on no new call is started in this window: those started earlier are answered before it can end. */
  get quietFrom(): number {
    const guard = Math.min(
      GUARD_FACTOR * Math.max(this.#slowest, this.#slowestBefore),
      GUARD_MAX_SHARE * this.windowMs,
    );
    return (this.#lo ?? 0) + this.windowMs - guard;
  }

  /** Units counted in the current window (including what the last one may have spilled into it). */
  get spent(): number {
    return this.#spent;
  }

  /** Units of this window's calls answered (so surely admitted) before it could end. */
  get admittedInside(): number {
    return this.#admittedInside;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  take(units: number, now: number): WindowSpend {
    const spend: WindowSpend = { units, serial: this.#serial, startedAt: now };
    this.#spent += units;
    this.#inFlight.add(spend);
    return spend;
  }

  /**
   * A call ended: `charged` of its units may have been spent (parts refused for quota or
   * credentials spent nothing), `admitted` of them surely were (answered with data or a 404).
   */
  settle(spend: WindowSpend, charged: number, admitted: number, now: number): void {
    if (!this.#inFlight.delete(spend)) return;
    this.#slowest = Math.max(this.#slowest, now - spend.startedAt);
    // Given back to the current window: its own call, or one carried into it while in flight.
    this.#spent = Math.max(0, this.#spent - (spend.units - charged));
    if (charged > 0) this.#lastChargedAt = now;
    const lo = this.#lo ?? now;
    if (now >= lo + this.windowMs) this.#late += charged;
    if (spend.serial !== this.#serial || admitted === 0) return;
    this.#hi ??= now;
    if (now < lo + this.windowMs) this.#admittedInside += admitted;
  }

  /** The server refused for quota until `until`: its current window ends exactly then, and is full. */
  refusedUntil(until: number, now: number, full: number): void {
    if (until <= now) return;
    this.#lo = until - this.windowMs;
    this.#hi = this.#lo;
    this.#spent = Math.max(this.#spent, full);
  }

  #open(lo: number, carried: number): void {
    this.#serial += 1;
    this.#lo = lo;
    this.#hi = null;
    this.#spent = carried;
    this.#admittedInside = 0;
    this.#late = 0;
    this.#slowestBefore = this.#slowest;
    this.#slowest = 0;
  }
}
