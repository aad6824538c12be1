import { EARLIEST_VALID_TIME } from '../mail/index.ts';
import { changesSince } from './column-origin.ts';
import { carryDayIndex } from './day-index.ts';
import { carryStoredTally } from './figures/coverage-accounts.ts';
import { carryPreviousHeadlines } from './figures/previous-headlines.ts';
import { lowerBound } from './load-changes.ts';
import { storedColumns } from './message-columns.ts';
import { clockSpan, countedSpan, type Dataset, datasetOf, takeRows } from './prepare.ts';
import { walkTouchedThreads } from './reply-walk.ts';
import { threadKeysForReport } from './report-threads.ts';
import type { ColumnData } from './snapshot/format.ts';
import { ThreadIndex } from './thread-index.ts';
import { DAY_MS, ZoneClock } from './time/zone-clock.ts';
import { latestTimeBound } from './time-bound.ts';
import type { ReportInput } from './types.ts';

/** A kept dataset brought up to date, or why it could not be (the caller prepares the input whole). */
export type Patched = { data: Dataset } | { reason: string };

/** The accounts, identities, zone and settings a preparation depends on, besides the messages and the as-of time. */
function settingsOf(input: ReportInput): string {
  return JSON.stringify([
    input.accounts.map((account) => [account.id, account.identities]),
    input.timeZone,
    input.workingHours ?? null,
    input.countSpamTrash ?? false,
  ]);
}

/**
 * Whether a message of the first `count` rows of `columns` is dated at one as-of instant and not
 * at the other: a time is valid up to a day past the as-of instant (mail/date.ts isValidTime).
 */
function validityMoves(columns: ColumnData, count: number, asOf: number, previousAsOf: number): boolean {
  if (asOf === previousAsOf) return false;
  const after = Math.min(asOf, previousAsOf) + DAY_MS;
  // No stored time past that day (the set's bound says so): nothing moves, without a pass.
  if (latestTimeBound(columns) <= after) return false;
  const upTo = Math.max(asOf, previousAsOf) + DAY_MS;
  const { time } = columns;
  for (let p = 0; p < count; p++) {
    const t = time[p]!;
    if (t > after && t <= upTo && t >= EARLIEST_VALID_TIME) return true;
  }
  return false;
}

/** The dataset position of stored position `stored` (storedIndex ascends), or -1 when it is not counted. */
function positionOf(storedIndex: Int32Array, count: number, stored: number): number {
  const at = lowerBound(storedIndex, stored, count);
  return at < count && storedIndex[at] === stored ? at : -1;
}

/**
 * `previous` brought up to date for `input` — the same accounts and settings, their set loaded
 * again from the one `previous` was made of (docs/analytics.md "Kept preparation") — when the
 * change is one it can follow: messages stored after every earlier one (appended: numbered,
 * placed in their threads, those threads walked again), and label lists changed. Anything else
 * (deletions, a changed time, sender, derivation or thread; threads re-derived for the as-of
 * time; a message whose validity moves with the as-of time; a clock that must cover more) gives
 * the reason, and the caller prepares the input whole. Equal to `prepareDataset(input)`: the
 * same lookups number what the new messages bring in the order a whole preparation meets it.
 *
 * `previous` may be brought up to date once: its rows move on to the new dataset.
 */
export function patchedDataset(previous: Dataset, input: ReportInput): Patched {
  const columns = storedColumns(input.messages);
  if (columns === null) return { reason: 'the messages are not a loaded set' };
  if (previous.columns !== storedColumns(previous.input.messages))
    return { reason: 'the kept dataset re-derived its threads' };
  if (settingsOf(previous.input) !== settingsOf(input))
    return { reason: 'other accounts, identities, time zone or settings' };
  const changes = changesSince(columns, previous.columns);
  if (typeof changes === 'string') return { reason: changes };
  const kept = changes.appendedFrom;
  const asOf = input.asOf;
  if (validityMoves(columns, kept, asOf, previous.asOf))
    return { reason: "a message's validity moves with the as-of time" };
  if (threadKeysForReport(input) !== null) return { reason: 'threads are re-derived for this as-of time' };
  const added = countedSpan(columns, asOf, kept);
  const minTime = Math.min(previous.oldest, added.minTime);
  const maxTime = Math.max(previous.newest, added.maxTime);
  const needed = clockSpan(input.range, input.anchor, asOf, minTime, maxTime);
  const clock = ZoneClock.covering(input.timeZone, needed.from, needed.to);
  if (clock !== previous.clock) return { reason: 'the clock must cover a wider span' };
  const rows = takeRows(previous);
  if (rows === null) return { reason: 'the kept dataset was brought up to date already' };

  rows.reserve(rows.count + added.count);
  const relabeled: Array<[number, number]> = [];
  for (const stored of changes.relabeled) {
    const i = positionOf(rows.storedIndex, rows.count, stored);
    if (i >= 0) relabeled.push([i, columns.labels[stored]!]);
  }
  if (relabeled.length > 0) rows.relabel(relabeled);
  const firstNew = rows.count;
  rows.append(columns, kept, columns.count, clock, asOf);
  let threads = previous.threads;
  let walk = { mine: previous.mine, theirs: previous.theirs };
  if (rows.count > firstNew) {
    const patched = ThreadIndex.patched(
      threads,
      rows.threadNumbers,
      rows.threadOf,
      firstNew,
      rows.count,
      rows,
    );
    threads = patched.threads;
    if (patched.touched.length > 0)
      walk = walkTouchedThreads(walk, threads, patched.touched, rows.threadOf, rows);
  }
  const identities = previous.identities;
  const data = datasetOf({ input, identities, columns, clock, minTime, maxTime, rows, threads, ...walk });
  carryDayIndex(previous, data, firstNew);
  carryStoredTally(previous, data, changes.relabeled, kept);
  carryPreviousHeadlines(
    previous,
    data,
    firstNew,
    relabeled.map(([i]) => i),
  );
  return { data };
}
