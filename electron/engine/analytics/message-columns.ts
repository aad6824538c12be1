import type { DerivedFacts } from '../mail/types.ts';
import { ListDictionary } from './list-column.ts';
import { TextDictionary } from './text-dictionary.ts';
import type { AnalyticsMessage } from './types.ts';

/** Bits of {@link MessageColumns.flags} (the loader computes the same number in SQL, see stored-message.ts). */
export const FLAG_COUNTED = 1;
export const FLAG_SENT = 2;
export const FLAG_ECHO = 4;
export const FLAG_AUTOMATED = 8;

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
  flags: Uint8Array;
  size: Float64Array;
  texts: TextDictionary;
  sender: Int32Array;
  senderName: Int32Array;
  /** Subjects are nearly all distinct per thread and read for a few list rows only, so they are kept as they come. */
  subject: Array<string | null>;
  unsubscribe: Int32Array;
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
export function emptyColumns(messages: readonly AnalyticsMessage[], count: number): MessageColumns {
  return {
    count,
    messages,
    rowId: new Float64Array(count),
    accountId: new Int32Array(count),
    time: new Float64Array(count),
    flags: new Uint8Array(count),
    size: new Float64Array(count),
    texts: new TextDictionary(),
    sender: new Int32Array(count),
    senderName: new Int32Array(count),
    subject: new Array(count),
    unsubscribe: new Int32Array(count),
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
    senderName: resized(columns.senderName, count, capacity),
    subject: columns.subject.slice(0, Math.min(count, capacity)),
    unsubscribe: resized(columns.unsubscribe, count, capacity),
    threadKey: resized(columns.threadKey, count, capacity),
    to: resized(columns.to, count, capacity),
    cc: resized(columns.cc, count, capacity),
    bcc: resized(columns.bcc, count, capacity),
    labels: resized(columns.labels, count, capacity),
  };
}

/** The flags of a message under a derivation. */
export function flagsOf(facts: DerivedFacts, automated: boolean): number {
  return (
    (facts.counted ? FLAG_COUNTED : 0) |
    (facts.direction === 'sent' ? FLAG_SENT : 0) |
    (facts.echo ? FLAG_ECHO : 0) |
    (automated ? FLAG_AUTOMATED : 0)
  );
}

/** Columns of in-memory messages, with the derivations in `derived` (by row id) where given. */
export function columnsOfObjects(
  messages: readonly AnalyticsMessage[],
  derived: ReadonlyMap<number, DerivedFacts> | null,
): MessageColumns {
  const columns = emptyColumns(messages, messages.length);
  const { texts, lists } = columns;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const facts = derived?.get(message.rowId) ?? message;
    columns.rowId[i] = message.rowId;
    columns.accountId[i] = message.accountId;
    columns.time[i] = message.time ?? Number.NaN;
    columns.flags[i] = flagsOf(facts, message.automated);
    columns.size[i] = message.size;
    columns.sender[i] = texts.id(message.sender);
    columns.senderName[i] = texts.id(message.senderName);
    columns.subject[i] = message.subject;
    columns.unsubscribe[i] = texts.id(message.unsubscribe);
    columns.threadKey[i] = columns.threadKeys.id(facts.threadKey);
    columns.to[i] = lists.of(message.to);
    columns.cc[i] = lists.of(message.cc);
    columns.bcc[i] = lists.of(message.bcc);
    columns.labels[i] = lists.of(message.labels);
  }
  return columns;
}
/** Loaded message sets and their columns (the loader registers them; sets are frozen, so they cannot drift). */
const loadedColumns = new WeakMap<readonly AnalyticsMessage[], MessageColumns>();

export function registerColumns(columns: MessageColumns): void {
  loadedColumns.set(columns.messages, columns);
}

/** The columns of the messages: the loader's when they are a loaded set, else built from the objects. */
export function columnsOf(
  messages: readonly AnalyticsMessage[],
  derived: ReadonlyMap<number, DerivedFacts> | null,
): MessageColumns {
  const loaded = derived === null ? loadedColumns.get(messages) : undefined;
  return loaded ?? columnsOfObjects(messages, derived);
}
