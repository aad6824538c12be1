import type { Store } from '../db/store.ts';
import type { TimedStatement } from '../db/timed-statement.ts';
import type { JobRow } from './job-row.ts';

/**
 * Every statement the job service runs, prepared once per store. A pending job always has a
 * `run_after` (now, when it may run at once), so claiming is one range over the claim index.
 */
export function prepareJobStatements(store: Store) {
  const finished = "status IN ('completed', 'failed', 'cancelled')";
  // A pending job's lease columns hold a reservation: the runner that created, retried or resumed
  // it claims it first, so a command's job is run by that command and not by a `brief serve` or
  // app sharing the database. A reservation lasts one lease; a runner that died frees it by then.
  const reservable = '(lease_owner IS NULL OR lease_owner = @worker OR lease_expires_at <= @now)';
  return {
    byId: store.prepare<JobRow>('SELECT * FROM analytics_jobs WHERE id = ?'),
    accountExists: store.prepare<{ found: number }>('SELECT 1 AS found FROM accounts WHERE id = ?'),
    // A new job is reserved for the runner of the engine that created it (see `reservable`).
    insert: store.prepare<JobRow>(
      `INSERT INTO analytics_jobs (type, account_id, max_attempts, metadata, run_after, lease_owner,
         lease_expires_at, created_at, updated_at)
       VALUES (@type, @accountId, @maxAttempts, @metadata, @runAfter, @owner, @reservedUntil, @now, @now)
       RETURNING *`,
    ),
    // One statement whatever the filter: the types and ids arrive as JSON arrays (null = any).
    claimCandidate: store.prepare<{ id: number }>(
      `SELECT id FROM analytics_jobs
       WHERE status = 'pending' AND run_after <= @now AND ${reservable}
         AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
         AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
       ORDER BY id LIMIT 1`,
    ),
    // When the next job this worker may claim is due: its run_after, or the end of another
    // runner's reservation when that comes later.
    nextDue: store.prepare<{ due: string | null }>(
      `SELECT min(CASE WHEN lease_owner IS NOT NULL AND lease_owner != @worker AND lease_expires_at > run_after
                  THEN lease_expires_at ELSE run_after END) AS due
       FROM analytics_jobs
       WHERE status = 'pending'
         AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
         AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))`,
    ),
    // Taking over a pending job nobody holds: never reserved, or its reservation ran out.
    takeOver: store.prepare(
      `UPDATE analytics_jobs SET lease_owner = @owner, lease_expires_at = @reservedUntil, updated_at = @now
       WHERE id = @id AND status = 'pending' AND (lease_owner IS NULL OR lease_expires_at <= @now)`,
    ),
    // This runner is going away: its pending jobs are anyone's now.
    dropReservations: store.prepare(
      `UPDATE analytics_jobs SET lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
       WHERE status = 'pending' AND lease_owner = @owner`,
    ),
    unfinishedSync: store.prepare<JobRow>(
      `SELECT * FROM analytics_jobs
       WHERE account_id = ? AND type IN ('fetch_messages', 'sync_history')
         AND status IN ('pending', 'processing', 'paused')`,
    ),
    claim: store.prepare(
      `UPDATE analytics_jobs SET status = 'processing', attempts = attempts + 1, lease_owner = @worker,
         lease_expires_at = @leaseUntil, started_at = coalesce(started_at, @now), updated_at = @now
       WHERE id = @id`,
    ),
    renewLease: store.prepare(
      `UPDATE analytics_jobs SET lease_expires_at = @leaseUntil, updated_at = @now
       WHERE id = @id AND status = 'processing' AND lease_owner = @worker`,
    ),
    progress: store.prepare(
      `UPDATE analytics_jobs SET progress_current = @current, progress_total = @total, step = @step, updated_at = @now
       WHERE id = @id`,
    ),
    metadata: store.prepare(
      'UPDATE analytics_jobs SET metadata = @metadata, updated_at = @now WHERE id = @id',
    ),
    complete: store.prepare(
      `UPDATE analytics_jobs SET status = 'completed', metadata = @metadata,
         progress_current = coalesce(progress_total, progress_current), lease_owner = NULL, lease_expires_at = NULL,
         error_code = NULL, error_message = NULL, finished_at = @now, updated_at = @now
       WHERE id = @id`,
    ),
    // A failed attempt waits out its backoff, still reserved for the runner that will retry it.
    retryLater: store.prepare(
      `UPDATE analytics_jobs SET status = 'pending', run_after = @runAfter, lease_expires_at = @reservedUntil,
         error_code = @code, error_message = @message, updated_at = @now
       WHERE id = @id`,
    ),
    // A runner stopped renewing its lease (it died): any runner may take the job now.
    returnToQueue: store.prepare(
      `UPDATE analytics_jobs SET status = 'pending', run_after = @now, lease_owner = NULL, lease_expires_at = NULL,
         error_code = @code, error_message = @message, updated_at = @now
       WHERE id = @id`,
    ),
    fail: store.prepare(
      `UPDATE analytics_jobs SET status = 'failed', lease_owner = NULL, lease_expires_at = NULL,
         error_code = @code, error_message = @message, finished_at = @now, updated_at = @now
       WHERE id = @id`,
    ),
    // On a full disk: the same, and the cursor dropped so the row shrinks instead of needing pages
    // (a retry lists again; what is stored is skipped by the cache check).
    failCompact: store.prepare(
      `UPDATE analytics_jobs SET status = 'failed', lease_owner = NULL, lease_expires_at = NULL, metadata = '{}',
         error_code = @code, error_message = @message, finished_at = @now, updated_at = @now
       WHERE id = @id`,
    ),
    requeue: store.prepare(
      `UPDATE analytics_jobs SET status = 'pending', attempts = 0, run_after = @now, error_code = NULL,
         error_message = NULL, finished_at = NULL, lease_owner = @owner, lease_expires_at = @reservedUntil,
         updated_at = @now
       WHERE id = @id`,
    ),
    cancel: store.prepare(
      `UPDATE analytics_jobs SET status = 'cancelled', lease_owner = NULL, lease_expires_at = NULL,
         finished_at = @now, updated_at = @now
       WHERE id = @id`,
    ),
    pause: store.prepare(
      `UPDATE analytics_jobs SET status = 'paused', lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
       WHERE id = @id`,
    ),
    // The engine stopped under a running job: back to the queue, the attempt not spent.
    release: store.prepare(
      `UPDATE analytics_jobs SET status = 'pending', attempts = max(attempts - 1, 0), run_after = @now,
         lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
       WHERE id = @id`,
    ),
    resume: store.prepare(
      `UPDATE analytics_jobs SET status = 'pending', run_after = @now, lease_owner = @owner,
         lease_expires_at = @reservedUntil, updated_at = @now
       WHERE id = @id`,
    ),
    expiredLeases: store.prepare<JobRow>(
      "SELECT * FROM analytics_jobs WHERE status = 'processing' AND lease_expires_at < ? ORDER BY id",
    ),
    leasesHeldBy: store.prepare<JobRow>(
      "SELECT * FROM analytics_jobs WHERE status = 'processing' AND lease_owner = ? ORDER BY id",
    ),
    unfinishedForAccount: store.prepare<{ found: number }>(
      `SELECT 1 AS found FROM analytics_jobs
       WHERE account_id = @accountId AND status IN ('pending', 'processing', 'paused')
         AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
       LIMIT 1`,
    ),
    deleteFinished: store.prepare(
      `DELETE FROM analytics_jobs WHERE finished_at IS NOT NULL AND finished_at < ? AND ${finished}`,
    ),
  } satisfies Record<string, TimedStatement<unknown>>;
}

export type JobStatements = ReturnType<typeof prepareJobStatements>;

const LIST_FILTERS = ['status', 'type', 'account_id'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/**
 * listJobs statements for one combination of filters, so each can use its index (an
 * `@x IS NULL OR col = @x` form would defeat the planner).
 */
export function listStatements(store: Store, filters: readonly ListFilter[]) {
  const where =
    filters.length === 0 ? '' : `WHERE ${filters.map((column) => `${column} = @${column}`).join(' AND ')}`;
  return {
    page: store.prepare<JobRow>(
      `SELECT * FROM analytics_jobs ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    ),
    count: store.prepare<{ total: number }>(`SELECT count(*) AS total FROM analytics_jobs ${where}`),
  };
}

/** The listJobs statements by filter combination, prepared on first use and then reused. */
export class JobLists {
  readonly #store: Store;
  readonly #prepared = new Map<string, ReturnType<typeof listStatements>>();

  constructor(store: Store) {
    this.#store = store;
  }

  for(filters: readonly ListFilter[]): ReturnType<typeof listStatements> {
    const key = filters.join(',');
    let statements = this.#prepared.get(key);
    if (!statements) {
      statements = listStatements(this.#store, filters);
      this.#prepared.set(key, statements);
    }
    return statements;
  }
}
