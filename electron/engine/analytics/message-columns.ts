import type { DerivedFacts } from '../mail/types.ts';
import { ListDictionary } from './list-column.ts';
import { AUTOMATED, COUNTED, DERIVED_BITS, ECHO, NAMED, SENT, UNSUBSCRIBE } from './message-flags.ts';
import { TextDictionary } from './text-dictionary.ts';
import type { AnalyticsMessage } from './types.ts';

/** The texts a report reads only for the few messages it lists: read per message, on demand. */
export interface RowTexts {
  /** The message's id at its source (Gmail's id for synced mail): a listed message's link. */
  providerId: string;
  subject: string | null;
  senderName: string | null;
  unsubscribe: string | null;
}

/**
 * A report's messages as columns, in input order: what preparation reads of each message, with
 * the derivation (counted, direction, echo, thread) the report uses. Texts and lists are numbers
 * into `texts` and `lists`, so the columns are typed arrays only: nothing per message for the
 * garbage collector to trace. Loaded messages come with theirs already (see load.ts); other inputs
 * are turned into columns by {@link columnsOfObjects}.
 */
export interface MessageColumns {
  count: number;
  /** The messages themselves, for drill-downs and the stored facts no figure reads. */
  messages: readonly AnalyticsMessage[];
  rowId: Float64Array;
  accountId: Int32Array;
  /** The stored time, NaN when there is none. */
  time: Float64Array;
  /** COUNTED, SENT, ECHO, AUTOMATED, NAMED and UNSUBSCRIBE (message-flags.ts). */
  flags: Uint8Array;
  size: Float64Array;
  /** The senders: numbers into `texts`, -1 for none. */
  texts: TextDictionary;
  sender: Int32Array;
  /** The subject, display name and unsubscribe target of message i (NAMED and UNSUBSCRIBE say which are there). */
  rowTexts: (i: number) => RowTexts;
  /** The same for many messages at once (a report's long lists), in the order asked. */
  rowTextsOf: (indices: readonly number[]) => RowTexts[];
  /** Thread keys have their own dictionary: a report numbers its threads by it. */
  threadKeys: TextDictionary;
  threadKey: Int32Array;
  lists: ListDictionary;
  to: Int32Array;
  cc: Int32Array;
  bcc: Int32Array;
  labels: Int32Array;
}

/** Columns with room for `count` messages; the caller fills them. */
export function emptyColumns(
  messages: readonly AnalyticsMessage[],
  count: number,
  rowTexts: (i: number) => RowTexts,
  rowTextsOf: (indices: readonly number[]) => RowTexts[],
): MessageColumns {
  return {
    count,
    messages,
    rowTexts,
    rowTextsOf,
    rowId: new Float64Array(count),
    accountId: new Int32Array(count),
    time: new Float64Array(count),
    flags: new Uint8Array(count),
    size: new Float64Array(count),
    texts: new TextDictionary(),
    sender: new Int32Array(count),
    threadKeys: new TextDictionary(),
    threadKey: new Int32Array(count),
    lists: new ListDictionary(),
    to: new Int32Array(count),
    cc: new Int32Array(count),
    bcc: new Int32Array(count),
    labels: new Int32Array(count),
  };
}

type NumberColumn = Float64Array | Int32Array | Uint8Array;

function resized<T extends NumberColumn>(column: T, count: number, capacity: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  next.set(column.subarray(0, count));
  return next;
}

/** The columns with room for `capacity` messages, holding their first `count` (to grow them, or to trim them). */
export function resizedColumns(columns: MessageColumns, count: number, capacity: number): MessageColumns {
  return {
    ...columns,
    count,
    rowId: resized(columns.rowId, count, capacity),
    accountId: resized(columns.accountId, count, capacity),
    time: resized(columns.time, count, capacity),
    flags: resized(columns.flags, count, capacity),
    size: resized(columns.size, count, capacity),
    sender: resized(columns.sender, count, capacity),
    threadKey: resized(columns.threadKey, count, capacity),
    to: resized(columns.to, count, capacity),
    cc: resized(columns.cc, count, capacity),
    bcc: resized(columns.bcc, count, capacity),
    labels: resized(columns.labels, count, capacity),
  };
}

/** The derivation's bits of the flags. */
function derivedBits(facts: DerivedFacts): number {
  return (facts.counted ? COUNTED : 0) | (facts.direction === 'sent' ? SENT : 0) | (facts.echo ? ECHO : 0);
}

/** Columns of in-memory messages, with the derivations in `derived` (by row id) where given. */
function columnsOfObjects(
  messages: readonly AnalyticsMessage[],
  derived: ReadonlyMap<number, DerivedFacts> | null,
): MessageColumns {
  const columns = emptyColumns(
    messages,
    messages.length,
    (i) => messages[i]!,
    (indices) => indices.map((i) => messages[i]!),
  );
  const { texts, lists } = columns;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const facts = derived?.get(message.rowId) ?? message;
    columns.rowId[i] = message.rowId;
    columns.accountId[i] = message.accountId;
    columns.time[i] = message.time ?? Number.NaN;
    columns.flags[i] =
      derivedBits(facts) |
      (message.automated ? AUTOMATED : 0) |
      (message.senderName ? NAMED : 0) |
      (message.unsubscribe ? UNSUBSCRIBE : 0);
    columns.size[i] = message.size;
    columns.sender[i] = texts.id(message.sender);
    columns.threadKey[i] = columns.threadKeys.id(facts.threadKey);
    columns.to[i] = lists.of(message.to);
    columns.cc[i] = lists.of(message.cc);
    columns.bcc[i] = lists.of(message.bcc);
    columns.labels[i] = lists.of(message.labels);
  }
  return columns;
}

/** A loaded set's columns with another derivation: its flags and thread keys replaced, the rest shared. */
function rederivedColumns(
  loaded: MessageColumns,
  derived: ReadonlyMap<number, DerivedFacts>,
): MessageColumns {
  const columns: MessageColumns = {
    ...loaded,
    flags: new Uint8Array(loaded.count),
    threadKeys: new TextDictionary(),
    threadKey: new Int32Array(loaded.count),
  };
  for (let i = 0; i < loaded.count; i++) {
    const facts = derived.get(loaded.rowId[i]!);
    const stored = loaded.flags[i]!;
    columns.flags[i] = facts === undefined ? stored : (stored & ~DERIVED_BITS) | derivedBits(facts);
    const key = facts === undefined ? loaded.threadKeys.text(loaded.threadKey[i]!)! : facts.threadKey;
    columns.threadKey[i] = columns.threadKeys.id(key);
  }
  return columns;
}

/** Loaded message sets and their columns (the loader registers them; sets are frozen, so they cannot drift). */
const loadedColumns = new WeakMap<readonly AnalyticsMessage[], MessageColumns>();

export function registerColumns(columns: MessageColumns): void {
  loadedColumns.set(columns.messages, columns);
}

/** The loader's columns of a loaded set (with the stored derivation), or null for other messages. */
export function storedColumns(messages: readonly AnalyticsMessage[]): MessageColumns | null {
  return loadedColumns.get(messages) ?? null;
}

/** The columns of the messages: the loader's when they are a loaded set, else built from the objects. */
export function columnsOf(
  messages: readonly AnalyticsMessage[],
  derived: ReadonlyMap<number, DerivedFacts> | null,
): MessageColumns {
  const loaded = loadedColumns.get(messages);
  if (loaded === undefined) return columnsOfObjects(messages, derived);
  return derived === null ? loaded : rederivedColumns(loaded, derived);
}
