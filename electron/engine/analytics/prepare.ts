import { DEFAULT_WORKING_HOURS, type RangeAnchor, type WorkingHours } from '../../../shared/domain.ts';
import { isValidTime, normalizeAddress } from '../mail/index.ts';
import type { ContactIndex } from './contacts.ts';
import { DatasetRows, roomFor } from './dataset-rows.ts';
import { columnsOf, type MessageColumns, type RowTexts } from './message-columns.ts';
import { COUNTED } from './message-flags.ts';
import type { RecipientPool } from './recipient-pool.ts';
import { type ReplyPairs, walkThreads } from './reply-walk.ts';
import { threadKeysForReport } from './report-threads.ts';
import { ThreadIndex } from './thread-index.ts';
import { type RangeBasis, resolveAnchor } from './time/anchor.ts';
import { rangeSpan } from './time/ranges.ts';
import { WorkingCalendar } from './time/working-time.ts';
import { ZoneClock } from './time/zone-clock.ts';
import type { AnalyticsMessage, RangeSpec, ReportInput } from './types.ts';

/** The figures read the dataset's flags by these names (the one layout of message-flags.ts). */
export { AUTOMATED, DATED, NAMED, SENT, UNSUBSCRIBE } from './message-flags.ts';

/**
 * Everything the figures share, computed once per report, as columns: message i (0 ≤ i < count)
 * is the i-th counted message in input order, and each typed array holds one of its facts. The
 * figures are single passes over these arrays; a million messages make a few arrays, not a
 * million objects for the collector to trace.
 */
export interface Dataset {
  input: ReportInput;
  asOf: number;
  /** The instant whose local day the range's presets end on (time/anchor.ts). */
  basis: RangeBasis;
  /** The first and last valid time of a counted message, whatever the range (±∞ when none). */
  oldest: number;
  newest: number;
  identities: Set<string>;
  contacts: ContactIndex;
  clock: ZoneClock;
  workingHours: WorkingHours;
  working: WorkingCalendar;
  /** Every message of the input (counted or not), as columns. */
  columns: MessageColumns;
  count: number;
  /** The message's position in `columns` (and the input). */
  storedIndex: Int32Array;
  accountId: Int32Array;
  size: Float64Array;
  /** The sender: a number into `texts`, -1 for none. */
  texts: readonly string[];
  sender: Int32Array;
  /** The labels: a number into `lists`. */
  lists: ReadonlyArray<readonly string[]>;
  labels: Int32Array;
  rowId: Float64Array;
  /** The valid time, or NaN when undated (so every range test fails for it). */
  time: Float64Array;
  /** SENT, AUTOMATED, NAMED and UNSUBSCRIBE as the columns have them, plus DATED (message-flags.ts). */
  flags: Uint8Array;
  /** The sender's contact number, or -1 when there is none or it is one of the report's identities. */
  contact: Int32Array;
  recipients: RecipientPool;
  /** Local day number, weekday (Monday = 0), hour and ms after local midnight; 0 when undated. */
  day: Int32Array;
  /** The smallest and largest local day of a dated message (firstDay > lastDay when none is dated). */
  firstDay: number;
  lastDay: number;
  weekday: Uint8Array;
  hour: Uint8Array;
  msOfDay: Float64Array;
  /** Each thread's counted dated messages in walk order (time; received before sent; storage id). */
  threads: ThreadIndex;
  /** The thread of each message (a number of `threads`), -1 when it is undated. */
  threadOf: Int32Array;
  mine: ReplyPairs;
  theirs: ReplyPairs;
  /** IN_INBOX and IS_UNREAD of each label list number (label-bits.ts). */
  labelBits: Uint8Array;
  /** Accounts where the INBOX test of "awaiting on me" applies, and where "share read" exists. */
  accountsWithInbox: Set<number>;
  accountsWithUnread: Set<number>;
}

export function identitySet(input: ReportInput): Set<string> {
  const identities = new Set<string>();
  for (const account of input.accounts) {
    for (const identity of account.identities) {
      const address = normalizeAddress(identity);
      if (address !== null) identities.add(address);
    }
  }
  return identities;
}

/** How many messages of stored positions [from, count) are counted, and the span of their valid times: one pass. */
export function countedSpan(
  columns: MessageColumns,
  asOf: number,
  from = 0,
): { count: number; minTime: number; maxTime: number } {
  let count = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let i = from; i < columns.count; i++) {
    if ((columns.flags[i]! & COUNTED) === 0) continue;
    count++;
    const time = columns.time[i]!;
    if (!isValidTime(time, asOf)) continue;
    if (time < minTime) minTime = time;
    if (time > maxTime) maxTime = time;
  }
  return { count, minTime, maxTime };
}

/** The message at dataset index i, as given. */
export function messageAt(data: Dataset, i: number): AnalyticsMessage {
  return data.columns.messages[data.storedIndex[i]!]!;
}

/** The subject, display name and unsubscribe target of the message at dataset index i. */
export function textsAt(data: Dataset, i: number): RowTexts {
  return data.columns.rowTexts(data.storedIndex[i]!);
}

/** The texts of the messages at dataset indices, in that order, read together. */
export function textsOfMany(data: Dataset, indices: readonly number[]): RowTexts[] {
  return data.columns.rowTextsOf(indices.map((i) => data.storedIndex[i]!));
}

/** A sender text of the dataset by its number; null for -1. */
export function textOf(data: Dataset, id: number): string | null {
  return id < 0 ? null : data.texts[id]!;
}

/** The instants a range's clock must cover: the messages, and the range and its previous range wherever they lie. */
export function clockSpan(
  spec: RangeSpec,
  anchor: RangeAnchor | undefined,
  asOf: number,
  minTime: number,
  maxTime: number,
): { from: number; to: number } {
  const span = rangeSpan(spec, asOf);
  // An anchored range and its previous range lie around the newest message, not the as-of time.
  const anchored = anchor !== undefined && anchor !== 'now' && Number.isFinite(maxTime);
  const anchorSpan = anchored ? rangeSpan(spec, maxTime) : span;
  return {
    from: Math.min(minTime, span.from, anchorSpan.from),
    to: Math.max(maxTime, span.to, anchorSpan.to),
  };
}

/**
 * The same prepared messages seen through another range: only the range and its basis depend on
 * it, so the views warmed together (docs/analytics.md) prepare the mailbox once. When the
 * dataset's clock does not cover the range, the range is prepared anew.
 */
export function datasetForRange(data: Dataset, range: RangeSpec, anchor: RangeAnchor | undefined): Dataset {
  const { asOf, oldest, newest, clock } = data;
  const { anchor: _previous, ...rest } = data.input;
  const input: ReportInput = anchor === undefined ? { ...rest, range } : { ...rest, range, anchor };
  const needed = clockSpan(range, anchor, asOf, oldest, newest);
  if (needed.from < clock.spanFrom || needed.to > clock.spanTo) return prepareDataset(input);
  return { ...data, input, basis: resolveAnchor(range, anchor ?? 'now', clock, asOf, newest) };
}

/** Everything the figures share, computed once per report: counted messages, local times, threads, the reply walk. */
export function prepareDataset(input: ReportInput): Dataset {
  const asOf = input.asOf;
  const identities = identitySet(input);
  const columns = columnsOf(input.messages, threadKeysForReport(input));
  const { count, minTime, maxTime } = countedSpan(columns, asOf);
  const needed = clockSpan(input.range, input.anchor, asOf, minTime, maxTime);
  const clock = ZoneClock.covering(input.timeZone, needed.from, needed.to);
  const rows = new DatasetRows(columns, identities, input.accounts.length > 1, roomFor(count));
  rows.append(columns, 0, columns.count, clock, asOf);
  const threads = ThreadIndex.build(
    rows.threadNumbers,
    rows.threadOf.subarray(0, count),
    rows.time,
    rows.flags,
    rows.rowId,
  );
  const { mine, theirs } = walkThreads(threads, rows);
  return datasetOf({ input, identities, columns, clock, minTime, maxTime, rows, threads, mine, theirs });
}

/** What a dataset is made of besides its input (see {@link datasetOf}). */
export interface DatasetParts {
  input: ReportInput;
  identities: Set<string>;
  columns: MessageColumns;
  clock: ZoneClock;
  minTime: number;
  maxTime: number;
  rows: DatasetRows;
  threads: ThreadIndex;
  mine: ReplyPairs;
  theirs: ReplyPairs;
}

/** The rows' filled facts behind each dataset (dataset-patch.ts appends to them); only the newest dataset of some rows has them. */
const rowsOfDataset = new WeakMap<Dataset, DatasetRows>();

/** The rows a dataset was made from, taken from it (a dataset's rows move on to the dataset brought up to date from it). */
export function takeRows(data: Dataset): DatasetRows | null {
  const rows = rowsOfDataset.get(data) ?? null;
  rowsOfDataset.delete(data);
  return rows;
}

/** The dataset: the rows' first `count` messages (views of their arrays), the range basis and working calendar. */
export function datasetOf(parts: DatasetParts): Dataset {
  const { input, identities, columns, clock, minTime, maxTime, rows, threads, mine, theirs } = parts;
  const asOf = input.asOf;
  const count = rows.count;
  const workingHours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  const firstDay = clock.dayOf(Number.isFinite(minTime) ? minTime : asOf);
  const lastDay = clock.dayOf(Number.isFinite(maxTime) ? Math.max(maxTime, asOf) : asOf);
  const data: Dataset = {
    input,
    asOf,
    basis: resolveAnchor(input.range, input.anchor ?? 'now', clock, asOf, maxTime),
    oldest: minTime,
    newest: maxTime,
    identities,
    contacts: rows.contacts,
    clock,
    workingHours,
    working: new WorkingCalendar(clock, workingHours, firstDay, lastDay),
    columns,
    count,
    storedIndex: rows.storedIndex.subarray(0, count),
    accountId: rows.accountId.subarray(0, count),
    size: rows.size.subarray(0, count),
    texts: columns.texts.texts,
    sender: rows.sender.subarray(0, count),
    lists: columns.lists.lists,
    labels: rows.labels.subarray(0, count),
    rowId: rows.rowId.subarray(0, count),
    time: rows.time.subarray(0, count),
    flags: rows.flags.subarray(0, count),
    contact: rows.contact.subarray(0, count),
    recipients: rows.recipients,
    day: rows.day.subarray(0, count),
    firstDay: rows.firstDated,
    lastDay: rows.lastDated,
    weekday: rows.weekday.subarray(0, count),
    hour: rows.hour.subarray(0, count),
    msOfDay: rows.msOfDay.subarray(0, count),
    threads,
    threadOf: rows.threadOf.subarray(0, count),
    mine,
    theirs,
    labelBits: rows.labelBits,
    accountsWithInbox: new Set(rows.accountLabels.inbox),
    accountsWithUnread: new Set(rows.accountLabels.unread),
  };
  rowsOfDataset.set(data, rows);
  return data;
}
