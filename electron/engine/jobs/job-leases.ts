/**
 * Who runs which job: claiming with a lease, renewing it, recovering the jobs of a runner that
 * died, and reservations. A pending job's lease columns hold a reservation for the runner of the
 * engine that queued it (created, retried or resumed it), for one lease: the command that started
 * a job runs it, not a `brief serve` or an app sharing the database, and a runner that died frees
 * its reservations by the time they run out.
 */
import type { Job } from '../../../shared/domain.ts';
import type { Store } from '../db/store.ts';
import type { JobEvents } from './job-events.ts';
import type { ClaimOptions } from './job-inputs.ts';
import { type JobRow, requireJobRow, syncConflict, toJob } from './job-row.ts';
import type { JobStatements } from './job-statements.ts';

export interface Reservation {
  owner: string | null;
  reservedUntil: string | null;
}

export class JobLeases {
  readonly #store: Store;
  readonly #sql: JobStatements;
  readonly #events: JobEvents;
  readonly #leaseMs: number;
  readonly #owner: string | null;

  constructor(
    store: Store,
    sql: JobStatements,
    events: JobEvents,
    options: { leaseMs: number; owner: string | null },
  ) {
    this.#store = store;
    this.#sql = sql;
    this.#events = events;
    this.#leaseMs = options.leaseMs;
    this.#owner = options.owner;
  }

  /** The reservation for this engine's runner of a job due at `dueMs` (none without an owner). */
  reservation(dueMs: number): Reservation {
    if (this.#owner === null) return { owner: null, reservedUntil: null };
    return { owner: this.#owner, reservedUntil: this.leaseEnd(dueMs) };
  }

  /** One lease after `fromMs`, as the lease columns hold it. */
  leaseEnd(fromMs: number): string {
    return new Date(fromMs + this.#leaseMs).toISOString();
  }

  claimNext(worker: string, options: ClaimOptions): Job | null {
    const filter = claimFilter(options);
    const claimed = this.#store.transaction(() => {
      const now = this.#store.clock();
      const candidate = this.#sql.claimCandidate.get({ now: new Date(now).toISOString(), worker, ...filter });
      if (!candidate) return null;
      this.#sql.claim.run({
        id: candidate.id,
        worker,
        now: new Date(now).toISOString(),
        leaseUntil: new Date(now + this.#leaseMs).toISOString(),
      });
      return toJob(requireJobRow(this.#sql, candidate.id));
    });
    return claimed && this.#events.emit(claimed, 'state');
  }

  nextDueAt(worker: string, options: ClaimOptions): number | null {
    const { due } = this.#sql.nextDue.get({ worker, ...claimFilter(options) })!;
    return due === null ? null : Date.parse(due);
  }

  heartbeat(jobId: number, worker: string): boolean {
    requireJobRow(this.#sql, jobId);
    const now = this.#store.clock();
    const renewed = this.#sql.renewLease.run({
      id: jobId,
      worker,
      now: new Date(now).toISOString(),
      leaseUntil: new Date(now + this.#leaseMs).toISOString(),
    });
    return renewed.changes === 1;
  }

  recoverExpiredLeases(): number {
    return this.#returnToQueue(() => this.#sql.expiredLeases.all(this.#store.nowIso()));
  }

  /**
   * The jobs still leased to `worker` when a runner of that id starts: its predecessor's, which
   * died under them (the app's worker thread, restarted under the same id). Back to the queue at
   * once instead of when their leases run out.
   */
  recoverLeasesHeldBy(worker: string): number {
    return this.#returnToQueue(() => this.#sql.leasesHeldBy.all(worker));
  }

  #returnToQueue(find: () => JobRow[]): number {
    const recovered = this.#store.transaction(() => {
      const now = this.#store.nowIso();
      const expired = find();
      for (const row of expired) {
        const again = row.attempts < row.max_attempts;
        const params = {
          id: row.id,
          now,
          code: 'INTERNAL',
          message: again
            ? 'The job stopped responding and will be started again.'
            : 'The job stopped responding on its last attempt. Retry it from the job list.',
        };
        if (again) this.#sql.returnToQueue.run(params);
        else this.#sql.fail.run(params);
      }
      return expired.map((row) => toJob(requireJobRow(this.#sql, row.id)));
    });
    for (const job of recovered) this.#events.emit(job, 'state');
    return recovered.length;
  }

  /** Frees this engine's reservations (it is closing): another process may run those jobs at once. */
  dropReservations(): number {
    if (this.#owner === null) return 0;
    return this.#sql.dropReservations.run({ owner: this.#owner, now: this.#store.nowIso() }).changes;
  }

  /**
   * Takes over the account's unfinished sync when no live runner holds it (its process died and
   * its lease ran out, or the engine that queued it closed): the job, now reserved for this
   * engine's runner, its cursor kept. Null when the account has none; CONFLICT when one is queued,
   * running or paused in a live engine.
   */
  takeOverSync(accountId: number): Job | null {
    this.recoverExpiredLeases();
    return this.#store.transaction(() => {
      const row = this.#sql.unfinishedSync.get(accountId);
      if (!row) return null;
      const now = this.#store.clock();
      const due = Math.max(now, Date.parse(row.run_after ?? '') || now);
      const taken =
        row.status === 'pending' &&
        this.#sql.takeOver.run({ id: row.id, ...this.reservation(due), now: new Date(now).toISOString() })
          .changes === 1;
      if (!taken) throw syncConflict();
      return toJob(requireJobRow(this.#sql, row.id));
    });
  }
}

function claimFilter({ types, ids }: ClaimOptions): { types: string | null; ids: string | null } {
  return { types: types ? JSON.stringify(types) : null, ids: ids ? JSON.stringify(ids) : null };
}
