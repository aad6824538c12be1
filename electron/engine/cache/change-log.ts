/**
 * The engine's side of the change log the analytics load follows (migrations/006, docs/analytics.md
 * "Incremental load"): triggers log changes and deletions of rows at or below the watermark; the
 * engine moves the watermark up to the newest row before it has analytics computed, so later
 * changes to every row a load may hold are logged, and keeps the log short.
 */
import type { Store } from '../db/store.ts';

/** Past this many entries the oldest half goes: a load that far behind reads its accounts whole. */
export const CHANGE_LOG_LIMIT = 100_000;

type Marks = [watermark: number, newest: number | null, lastSeq: number | null, trimmedThrough: number];

function marksOf(store: Store): Marks | undefined {
  return store
    .prepareRaw<Marks>(
      `SELECT watermark, (SELECT max(id) FROM message_cache), (SELECT max(seq) FROM message_changes), trimmed_through
       FROM message_change_marks WHERE id = 1`,
    )
    .get();
}

const tooLong = (marks: Marks) => marks[2] !== null && marks[2] - marks[3] > CHANGE_LOG_LIMIT;

/** Whether another connection holds the write lock (SQLite's code, as the store passes it through). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Follows every row stored so far (the watermark never goes down) and trims the log. Cheap: one
 * read by primary keys; a write transaction only when the watermark or the log has to move. It
 * never waits for the write lock: while another process writes (an import in `brief` beside the
 * app), it leaves the marks as they are — a report must not wait or fail for them, and a load
 * stays exact either way (it reads every row above the watermark again).
 */
export function followStoredRows(store: Store): void {
  const seen = marksOf(store);
  if (seen === undefined || (seen[0] >= (seen[1] ?? 0) && !tooLong(seen))) return;
  const waits = store.db.pragma('busy_timeout', { simple: true }) as number;
  store.db.pragma('busy_timeout = 0');
  try {
    store.transaction(() => {
      const marks = marksOf(store)!;
      if (marks[1] !== null && marks[0] < marks[1])
        store.prepare('UPDATE message_change_marks SET watermark = ? WHERE id = 1').run(marks[1]);
      if (!tooLong(marks)) return;
      const through = marks[2]! - CHANGE_LOG_LIMIT / 2;
      store.prepare('DELETE FROM message_changes WHERE seq <= ?').run(through);
      store.prepare('UPDATE message_change_marks SET trimmed_through = ? WHERE id = 1').run(through);
    });
  } catch (error) {
    if (!isBusy(error)) throw error;
  } finally {
    store.db.pragma(`busy_timeout = ${waits}`);
  }
}
