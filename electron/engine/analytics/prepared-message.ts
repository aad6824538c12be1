import { type ContactIndex, IDENTITY } from './contacts.ts';
import type { ZoneClock } from './time/zone-clock.ts';
import { DAY_MS, HOUR_MS, weekdayOfDay } from './time/zone-clock.ts';
import type { AnalyticsMessage } from './types.ts';

function addContacts(into: number[], list: readonly string[], contacts: ContactIndex): void {
  for (const address of list) {
    const id = contacts.intern(address);
    if (id !== IDENTITY && !into.includes(id)) into.push(id);
  }
}

/**
 * Recipient numbers per To list, for messages with neither Cc nor Bcc (nearly all of them). Loaded
 * messages share their list arrays (see list-column.ts), so most messages find theirs by identity
 * and share one frozen array; numbering order is unchanged, since a list is interned on first sight.
 */
export type RecipientMemo = Map<readonly string[], readonly number[]>;

function recipientsOf(
  source: AnalyticsMessage,
  contacts: ContactIndex,
  memo: RecipientMemo,
): readonly number[] {
  const alone = source.cc.length === 0 && source.bcc.length === 0;
  if (alone) {
    const known = memo.get(source.to);
    if (known !== undefined) return known;
  }
  const recipientIds: number[] = [];
  addContacts(recipientIds, source.to, contacts);
  addContacts(recipientIds, source.cc, contacts);
  addContacts(recipientIds, source.bcc, contacts);
  if (alone) memo.set(source.to, Object.freeze(recipientIds));
  return recipientIds;
}

/**
 * A counted message with everything the figures ask of it computed once. A class, so that a
 * million of them share one shape and the figure loops stay fast.
 */
export class PreparedMessage {
  readonly source: AnalyticsMessage;
  readonly dated: boolean;
  /** The valid time, or NaN when undated. */
  readonly time: number;
  readonly sent: boolean;
  readonly automated: boolean;
  /** Received mail whose sender is an identity: counted in coverage, volume and busiest times only. */
  readonly echo: boolean;
  /** The sender when it is a contact (not an identity), else null; and its contact number (-1 for none). */
  readonly contact: string | null;
  readonly contactId: number;
  /** Contact numbers of the distinct contacts among To and Cc, then those only in Bcc. */
  readonly recipientIds: readonly number[];
  /** How many of recipientIds come from To and Cc (the network leaves Bcc out). */
  readonly toCcCount: number;
  /** The thread; namespaced by account when a report spans several, so "all" never merges two accounts' threads. */
  readonly threadKey: string;
  /** Local day number, weekday (Monday = 0), hour and ms after local midnight; NaN when undated. */
  readonly day: number;
  readonly weekday: number;
  readonly hour: number;
  readonly msOfDay: number;

  constructor(
    source: AnalyticsMessage,
    time: number | null,
    sent: boolean,
    threadKey: string,
    contacts: ContactIndex,
    clock: ZoneClock,
    memo: RecipientMemo,
  ) {
    this.source = source;
    this.dated = time !== null;
    this.time = time ?? Number.NaN;
    this.sent = sent;
    this.automated = source.automated;
    const sender = source.sender;
    const senderId = sender === null ? -1 : contacts.intern(sender);
    this.echo = !sent && senderId === IDENTITY;
    this.contactId = senderId < 0 ? -1 : senderId;
    this.contact = senderId < 0 ? null : sender;
    this.recipientIds = recipientsOf(source, contacts, memo);
    this.toCcCount = source.bcc.length === 0 ? this.recipientIds.length : toCcCountOf(source, contacts);
    this.threadKey = threadKey;
    if (time === null) {
      this.day = Number.NaN;
      this.weekday = Number.NaN;
      this.hour = Number.NaN;
      this.msOfDay = Number.NaN;
    } else {
      const wall = clock.wall(time);
      const day = Math.floor(wall / DAY_MS);
      this.day = day;
      this.weekday = weekdayOfDay(day);
      this.msOfDay = wall - day * DAY_MS;
      this.hour = Math.floor(this.msOfDay / HOUR_MS);
    }
  }
}

/** How many of the recipients are among To and Cc: those come first, Bcc-only ones after. */
function toCcCountOf(source: AnalyticsMessage, contacts: ContactIndex): number {
  const toCc: number[] = [];
  addContacts(toCc, source.to, contacts);
  addContacts(toCc, source.cc, contacts);
  return toCc.length;
}

/** Walk order of figure 6: time, then received before sent, then storage id. */
export function compareWalkOrder(a: PreparedMessage, b: PreparedMessage): number {
  return a.time - b.time || Number(a.sent) - Number(b.sent) || a.source.rowId - b.source.rowId;
}
