import type { Headline } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import { perDataset } from '../scope.ts';

type Headlines = Record<Headline, number | null>;

/**
 * The comparison's headline figures of a previous range, per dataset (keyed by its time column,
 * as scope.ts's lists: shared by the range views of one preparation) and range. A 30-day report
 * at 1,000,000 messages spends ≈ 4–8 ms on its previous month (its volume, reply pairs, after-hours
 * and the threads awaiting you then), and a sync's new mail does not reach back into that month:
 * a dataset brought up to date carries the figures (see {@link carryPreviousHeadlines}).
 */
const memos = new WeakMap<Float64Array, Map<string, Headlines>>();

function keyOf(range: { from: number; to: number }): string {
  return `${range.from}|${range.to}`;
}

/** The headlines of `range` for `data`, computed by `compute` once per dataset and range. */
export function previousHeadlines(
  data: Dataset,
  range: { from: number; to: number },
  compute: () => Headlines,
): Headlines {
  return perDataset(memos, data, keyOf(range), compute);
}

/** The headlines `data` holds (tests: a carried one equals one computed afresh). */
export function heldHeadlines(data: Dataset): ReadonlyMap<string, Headlines> | undefined {
  return memos.get(data.time);
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

/**
 * Gives `data` — `previous` brought up to date (dataset-patch.ts: the same accounts, identities,
 * settings and clock; messages appended from dataset index `firstNew`, the label lists of
 * `relabeled` changed) — `previous`'s headlines of every range that ends at or before each
 * appended and relabeled message and both as-of times. Exact: a range's messages are its dated messages (a previous
 * range is never `all`), none of which changed or was added; the reply pairs that close in it are
 * walked from earlier messages only (walk order begins with time); the threads awaiting you at its
 * end are decided by their last message before it, its flags, sender and labels; and whether the
 * inbox test applies to an account is checked to be unchanged.
 */
export function carryPreviousHeadlines(
  previous: Dataset,
  data: Dataset,
  firstNew: number,
  relabeled: readonly number[],
): void {
  const memo = memos.get(previous.time);
  if (memo === undefined || memos.has(data.time)) return;
  if (!sameSet(previous.accountsWithInbox, data.accountsWithInbox)) return;
  // Up to the earliest changed time (a NaN, undated message is in no previous range), and up to
  // both as-of times: the threads awaiting you are counted at the earlier of the range end and the
  // as-of time, which must be the range end in both.
  let earliest = Math.min(previous.asOf, data.asOf);
  const { time } = data;
  for (let i = firstNew; i < data.count; i++) if (time[i]! < earliest) earliest = time[i]!;
  for (const i of relabeled) if (time[i]! < earliest) earliest = time[i]!;
  const carried = new Map<string, Headlines>();
  for (const [key, headlines] of memo) {
    const to = Number(key.slice(key.indexOf('|') + 1));
    if (to <= earliest) carried.set(key, headlines);
  }
  if (carried.size > 0) memos.set(data.time, carried);
}
