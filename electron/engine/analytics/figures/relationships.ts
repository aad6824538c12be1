import { medianOfSorted, nullableRound, sortAscending } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { pairsInRange, type ReplyPair } from '../reply-walk.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const RELATIONSHIPS_LIMIT = 100;

export const relationshipsDefinition =
  'Per contact, in the range: sent to = your counted messages with the contact among To, Cc or Bcc; received from = counted messages with the contact as sender; exchanges = the sum; balance = sent to − received from; last contact; your and their median response time in pairs with that contact. Sorted by exchanges, then address; top 100.';

/** Per contact number: messages sent to, received from, their sum, and the last one's time. */
export interface ExchangeTable {
  sentTo: Int32Array;
  receivedFrom: Int32Array;
  exchanges: Int32Array;
  last: Float64Array;
}

const NO_CONTACTS: readonly number[] = [];

/** The contact numbers a message exchanges with: its recipients when sent, its sender when received. */
export function exchangeContactIds(message: PreparedMessage): readonly number[] {
  if (message.sent) return message.recipientIds;
  return message.contactId < 0 ? NO_CONTACTS : [message.contactId];
}

/** Exchanges per contact over the dated messages accepted by `accept`. */
export function exchangesPerContact(data: Dataset, accept: (m: PreparedMessage) => boolean): ExchangeTable {
  const size = data.contacts.size;
  const table: ExchangeTable = {
    sentTo: new Int32Array(size),
    receivedFrom: new Int32Array(size),
    exchanges: new Int32Array(size),
    last: new Float64Array(size).fill(Number.NEGATIVE_INFINITY),
  };
  for (const message of data.messages) {
    if (!message.dated || !accept(message)) continue;
    if (message.sent) {
      for (const id of message.recipientIds) {
        table.sentTo[id]!++;
        table.exchanges[id]!++;
        if (message.time > table.last[id]!) table.last[id] = message.time;
      }
    } else if (message.contactId >= 0) {
      const id = message.contactId;
      table.receivedFrom[id]!++;
      table.exchanges[id]!++;
      if (message.time > table.last[id]!) table.last[id] = message.time;
    }
  }
  return table;
}

function mediansByContact(pairs: readonly ReplyPair[]): Map<string, number | null> {
  const delays = new Map<string, number[]>();
  for (const pair of pairs) {
    const list = delays.get(pair.contact);
    if (list) list.push(pair.delay);
    else delays.set(pair.contact, [pair.delay]);
  }
  return new Map(
    [...delays].map(([contact, list]) => [contact, nullableRound(medianOfSorted(sortAscending(list)))]),
  );
}

/** Figure 14, from the exchanges per contact in the range. */
export function computeRelationships(data: Dataset, range: ResolvedRange, table: ExchangeTable) {
  const mine = mediansByContact(pairsInRange(data.mine, range.from, range.to));
  const theirs = mediansByContact(pairsInRange(data.theirs, range.from, range.to));
  return data.contacts.top(table.exchanges, RELATIONSHIPS_LIMIT).map((id) => {
    const address = data.contacts.address(id);
    return {
      address,
      sentTo: table.sentTo[id]!,
      receivedFrom: table.receivedFrom[id]!,
      exchanges: table.exchanges[id]!,
      balance: table.sentTo[id]! - table.receivedFrom[id]!,
      last: isoOf(table.last[id]!),
      myMedianMs: mine.get(address) ?? null,
      theirMedianMs: theirs.get(address) ?? null,
    };
  });
}
