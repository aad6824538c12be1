import { DEFAULT_WORKING_HOURS, type RangeAnchor, type WorkingHours } from '../../../shared/domain.ts';
import { isValidTime, normalizeAddress } from '../mail/index.ts';
import { ContactIndex, IDENTITY } from './contacts.ts';
import { AccountLabels, labelBitsOf } from './label-bits.ts';
import { columnsOf, type MessageColumns, type RowTexts } from './message-columns.ts';
import { COUNTED, DATED, REPORT_BITS } from './message-flags.ts';
import { RecipientPool } from './recipient-pool.ts';
import { type ReplyPairs, walkThreads } from './reply-walk.ts';
import { threadKeysForReport } from './report-threads.ts';
import { ThreadIndex, ThreadNumbering } from './thread-index.ts';
import { type RangeBasis, resolveAnchor } from './time/anchor.ts';
import { rangeSpan } from './time/ranges.ts';
import { WorkingCalendar } from './time/working-time.ts';
import { DAY_MS, HOUR_MS, weekdayOfDay, ZoneClock } from './time/zone-clock.ts';
import type { AnalyticsMessage, RangeSpec, ReportInput } from './types.ts';

const UNSEEN = -3;

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
  mine: ReplyPairs;
  theirs: ReplyPairs;
  /** IN_INBOX and IS_UNREAD of each label list number (label-bits.ts). */
  labelBits: Uint8Array;
  /** Accounts where the INBOX test of "awaiting on me" applies, and where "share read" exists. */
  accountsWithInbox: Set<number>;
  accountsWithUnread: Set<number>;
}

function identitySet(input: ReportInput): Set<string> {
  const identities = new Set<string>();
  for (const account of input.accounts) {
    for (const identity of account.identities) {
      const address = normalizeAddress(identity);
      if (address !== null) identities.add(address);
    }
  }
  return identities;
}

/** How many messages are counted, and the span of their valid times: one pass. */
function countedSpan(
  columns: MessageColumns,
  asOf: number,
): { count: number; minTime: number; maxTime: number } {
  let count = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < columns.count; i++) {
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
function clockSpan(
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
  const basis = resolveAnchor(input.range, input.anchor ?? 'now', clock, asOf, maxTime);
  const namespaced = input.accounts.length > 1;
  const contacts = new ContactIndex(identities);
  const storedIndex = new Int32Array(count);
  const accountId = new Int32Array(count);
  const size = new Float64Array(count);
  const sender = new Int32Array(count);
  const labels = new Int32Array(count);
  const { texts } = columns.texts;
  const { lists } = columns.lists;
  const recipients = new RecipientPool(count, contacts, columns.lists);
  // The contact number of each sender text, looked up once per text (UNSEEN until then).
  const senderContact = new Int32Array(texts.length).fill(UNSEEN);
  const rowId = new Float64Array(count);
  const time = new Float64Array(count);
  const flags = new Uint8Array(count);
  const contact = new Int32Array(count);
  const day = new Int32Array(count);
  const weekday = new Uint8Array(count);
  const hour = new Uint8Array(count);
  const msOfDay = new Float64Array(count);
  const threadOf = new Int32Array(count);
  const threadNumbers = new ThreadNumbering(columns.threadKeys, namespaced);
  const labelBits = labelBitsOf(columns.lists);
  const accountLabels = new AccountLabels();
  let firstDated = Number.POSITIVE_INFINITY;
  let lastDated = Number.NEGATIVE_INFINITY;
  let i = -1;
  for (let stored = 0; stored < columns.count; stored++) {
    const storedFlags = columns.flags[stored]!;
    if ((storedFlags & COUNTED) === 0) continue;
    i++;
    storedIndex[i] = stored;
    const account = columns.accountId[stored]!;
    const ownLabels = columns.labels[stored]!;
    accountLabels.note(account, labelBits[ownLabels]!);
    accountId[i] = account;
    labels[i] = ownLabels;
    size[i] = columns.size[stored]!;
    rowId[i] = columns.rowId[stored]!;
    const from = columns.sender[stored]!;
    sender[i] = from;
    if (from < 0) contact[i] = -1;
    else {
      if (senderContact[from] === UNSEEN) {
        const id = contacts.intern(texts[from]!);
        senderContact[from] = id === IDENTITY ? -1 : id;
      }
      contact[i] = senderContact[from]!;
    }
    recipients.add(i, columns.to[stored]!, columns.cc[stored]!, columns.bcc[stored]!);
    // One flag layout (message-flags.ts): the columns' bits carry over as they are.
    flags[i] = storedFlags & REPORT_BITS;
    threadOf[i] = -1;
    const instant = columns.time[stored]!;
    if (!isValidTime(instant, asOf)) {
      time[i] = Number.NaN;
      continue;
    }
    flags[i]! |= DATED;
    time[i] = instant;
    const wall = clock.wall(instant);
    const localDay = Math.floor(wall / DAY_MS);
    day[i] = localDay;
    if (localDay < firstDated) firstDated = localDay;
    if (localDay > lastDated) lastDated = localDay;
    weekday[i] = weekdayOfDay(localDay);
    msOfDay[i] = wall - localDay * DAY_MS;
    hour[i] = Math.floor(msOfDay[i]! / HOUR_MS);
    threadOf[i] = threadNumbers.of(account, columns.threadKey[stored]!);
  }
  const threads = ThreadIndex.build(threadNumbers, threadOf, time, flags, rowId);
  const workingHours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  const firstDay = clock.dayOf(Number.isFinite(minTime) ? minTime : asOf);
  const lastDay = clock.dayOf(Number.isFinite(maxTime) ? Math.max(maxTime, asOf) : asOf);
  const working = new WorkingCalendar(clock, workingHours, firstDay, lastDay);
  const { mine, theirs } = walkThreads(threads, time, flags, contact);
  return {
    input,
    asOf,
    basis,
    oldest: minTime,
    newest: maxTime,
    identities,
    contacts,
    clock,
    workingHours,
    working,
    columns,
    count,
    storedIndex,
    accountId,
    size,
    texts,
    sender,
    lists,
    labels,
    rowId,
    time,
    flags,
    contact,
    recipients,
    day,
    firstDay: firstDated,
    lastDay: lastDated,
    weekday,
    hour,
    msOfDay,
    threads,
    mine,
    theirs,
    labelBits,
    accountsWithInbox: accountLabels.inbox,
    accountsWithUnread: accountLabels.unread,
  };
}
