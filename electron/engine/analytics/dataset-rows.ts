import { isValidTime } from '../mail/index.ts';
import { ContactIndex, IDENTITY } from './contacts.ts';
import { AccountLabels, labelBitsOf } from './label-bits.ts';
import type { MessageColumns } from './message-columns.ts';
import { COUNTED, DATED, REPORT_BITS } from './message-flags.ts';
import { RecipientPool } from './recipient-pool.ts';
import { ThreadNumbering } from './thread-index.ts';
import { DAY_MS, HOUR_MS, weekdayOfDay, type ZoneClock } from './time/zone-clock.ts';

const UNSEEN = -3;

type NumberArray = Int32Array | Float64Array | Uint8Array;

/** Room for a few more messages than asked: an incremental load then appends without copying. */
export function roomFor(count: number): number {
  return count + Math.max(1024, count >> 6);
}

/** `column` with room for `needed` values (and a few more when it grows), its first `count` kept. */
function withRoom<T extends NumberArray>(column: T, count: number, needed: number): T {
  if (column.length >= needed) return column;
  const grown = new (column.constructor as new (length: number) => T)(roomFor(needed));
  grown.set(column.subarray(0, count));
  return grown;
}

/**
 * A dataset's per-message facts as they are filled (prepare.ts), with room to grow: message i is
 * the i-th counted message in input order. Preparing a report fills them from the first stored
 * message; bringing a kept dataset up to date (dataset-patch.ts) appends the messages stored since,
 * with the same lookups (contacts, recipient lists, thread numbers), so every number they hand out
 * is the one a whole preparation would. A dataset sees the first `count` values through views of
 * these arrays; writing past them leaves every earlier dataset as it was.
 */
export class DatasetRows {
  count = 0;
  storedIndex: Int32Array;
  accountId: Int32Array;
  size: Float64Array;
  sender: Int32Array;
  labels: Int32Array;
  rowId: Float64Array;
  time: Float64Array;
  flags: Uint8Array;
  contact: Int32Array;
  day: Int32Array;
  weekday: Uint8Array;
  hour: Uint8Array;
  msOfDay: Float64Array;
  /** The thread number of each message, -1 when it is undated (no thread). */
  threadOf: Int32Array;
  /** The smallest and largest local day of a dated message. */
  firstDated = Number.POSITIVE_INFINITY;
  lastDated = Number.NEGATIVE_INFINITY;
  readonly contacts: ContactIndex;
  readonly recipients: RecipientPool;
  readonly threadNumbers: ThreadNumbering;
  accountLabels = new AccountLabels();
  labelBits: Uint8Array;
  /** The contact number of each sender text, looked up once per text (UNSEEN until then). */
  #senderContact: Int32Array;
  readonly #columns: Pick<MessageColumns, 'texts' | 'lists' | 'threadKeys'>;

  constructor(columns: MessageColumns, identities: Set<string>, namespaced: boolean, capacity: number) {
    this.#columns = columns;
    this.contacts = new ContactIndex(identities);
    this.recipients = new RecipientPool(capacity, this.contacts, columns.lists);
    this.threadNumbers = new ThreadNumbering(columns.threadKeys, namespaced);
    this.labelBits = labelBitsOf(columns.lists);
    this.#senderContact = new Int32Array(columns.texts.size).fill(UNSEEN);
    this.storedIndex = new Int32Array(capacity);
    this.accountId = new Int32Array(capacity);
    this.size = new Float64Array(capacity);
    this.sender = new Int32Array(capacity);
    this.labels = new Int32Array(capacity);
    this.rowId = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.contact = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.weekday = new Uint8Array(capacity);
    this.hour = new Uint8Array(capacity);
    this.msOfDay = new Float64Array(capacity);
    this.threadOf = new Int32Array(capacity);
  }

  /**
   * Room for `needed` messages, and for the texts, lists and thread keys the columns' dictionaries
   * hold now (they only grow between loads of one set).
   */
  reserve(needed: number): void {
    const n = this.count;
    this.storedIndex = withRoom(this.storedIndex, n, needed);
    this.accountId = withRoom(this.accountId, n, needed);
    this.size = withRoom(this.size, n, needed);
    this.sender = withRoom(this.sender, n, needed);
    this.labels = withRoom(this.labels, n, needed);
    this.rowId = withRoom(this.rowId, n, needed);
    this.time = withRoom(this.time, n, needed);
    this.flags = withRoom(this.flags, n, needed);
    this.contact = withRoom(this.contact, n, needed);
    this.day = withRoom(this.day, n, needed);
    this.weekday = withRoom(this.weekday, n, needed);
    this.hour = withRoom(this.hour, n, needed);
    this.msOfDay = withRoom(this.msOfDay, n, needed);
    this.threadOf = withRoom(this.threadOf, n, needed);
    const texts = this.#columns.texts.size;
    if (texts > this.#senderContact.length) {
      const grown = new Int32Array(texts).fill(UNSEEN);
      grown.set(this.#senderContact);
      this.#senderContact = grown;
    }
    const { lists } = this.#columns;
    if (lists.lists.length > this.labelBits.length) this.labelBits = labelBitsOf(lists, this.labelBits);
    this.recipients.reserve(this.storedIndex.length, lists);
    this.threadNumbers.reserve();
  }

  /** Appends the counted messages of stored positions [from, to) (room reserved), in the clock's local time. */
  append(columns: MessageColumns, from: number, to: number, clock: ZoneClock, asOf: number): void {
    const { storedIndex, accountId, size, sender, labels, rowId, time, flags, contact } = this;
    const { day, weekday, hour, msOfDay, threadOf, recipients, threadNumbers, accountLabels, labelBits } =
      this;
    const senderContact = this.#senderContact;
    const texts = columns.texts.texts;
    // The columns' arrays read once: a property load per column per message was a fifth of the loop.
    const {
      flags: storedFlagsOf,
      accountId: accountOf,
      labels: labelsOf,
      size: sizeOf,
      rowId: rowIdOf,
    } = columns;
    const {
      sender: senderOf,
      to: toOf,
      cc: ccOf,
      bcc: bccOf,
      time: timeOf,
      threadKey: threadKeyOf,
    } = columns;
    let firstDated = this.firstDated;
    let lastDated = this.lastDated;
    let i = this.count - 1;
    for (let stored = from; stored < to; stored++) {
      const storedFlags = storedFlagsOf[stored]!;
      if ((storedFlags & COUNTED) === 0) continue;
      i++;
      storedIndex[i] = stored;
      const account = accountOf[stored]!;
      const ownLabels = labelsOf[stored]!;
      accountLabels.note(account, labelBits[ownLabels]!);
      accountId[i] = account;
      labels[i] = ownLabels;
      size[i] = sizeOf[stored]!;
      rowId[i] = rowIdOf[stored]!;
      const senderText = senderOf[stored]!;
      sender[i] = senderText;
      if (senderText < 0) contact[i] = -1;
      else {
        if (senderContact[senderText] === UNSEEN) {
          const id = this.contacts.intern(texts[senderText]!);
          senderContact[senderText] = id === IDENTITY ? -1 : id;
        }
        contact[i] = senderContact[senderText]!;
      }
      recipients.add(i, toOf[stored]!, ccOf[stored]!, bccOf[stored]!);
      // One flag layout (message-flags.ts): the columns' bits carry over as they are.
      flags[i] = storedFlags & REPORT_BITS;
      threadOf[i] = -1;
      const instant = timeOf[stored]!;
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
      threadOf[i] = threadNumbers.of(account, threadKeyOf[stored]!);
    }
    this.count = i + 1;
    this.firstDated = firstDated;
    this.lastDated = lastDated;
  }

  /**
   * Gives message i (already appended) the label list `list`: the labels are copied first, so a
   * dataset that sees the old arrays keeps its labels.
   */
  relabel(changes: ReadonlyArray<readonly [index: number, list: number]>): void {
    this.labels = this.labels.slice();
    for (const [i, list] of changes) this.labels[i] = list;
    // An account may have lost its last INBOX or UNREAD message: noted again from every message.
    this.accountLabels = new AccountLabels();
    for (let i = 0; i < this.count; i++)
      this.accountLabels.note(this.accountId[i]!, this.labelBits[this.labels[i]!]!);
  }
}
