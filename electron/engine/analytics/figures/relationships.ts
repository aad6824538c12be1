import { byCountThenKey, medianOfSorted, nullableRound, sortAscending } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { pairsInRange, type ReplyPair } from '../reply-walk.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const RELATIONSHIPS_LIMIT = 100;

export const relationshipsDefinition =
  'Per contact, in the range: sent to = your counted messages with the contact among To, Cc or Bcc; received from = counted messages with the contact as sender; exchanges = the sum; balance = sent to − received from; last contact; your and their median response time in pairs with that contact. Sorted by exchanges, then address; top 100.';

export interface Exchanges {
  sentTo: number;
  receivedFrom: number;
  last: number;
}

/** The contacts a message exchanges with: its recipients when sent, its sender when received. */
export function exchangeContacts(message: PreparedMessage): readonly string[] {
  if (message.sent) return message.recipients;
  return message.contact === null ? [] : [message.contact];
}

/** Exchanges per contact over the messages accepted by `accept`. */
export function exchangesPerContact(
  data: Dataset,
  accept: (m: PreparedMessage) => boolean,
): Map<string, Exchanges> {
  const result = new Map<string, Exchanges>();
  for (const message of data.messages) {
    if (!message.dated || !accept(message)) continue;
    for (const contact of exchangeContacts(message)) {
      let entry = result.get(contact);
      if (!entry) {
        entry = { sentTo: 0, receivedFrom: 0, last: message.time };
        result.set(contact, entry);
      }
      if (message.sent) entry.sentTo++;
      else entry.receivedFrom++;
      if (message.time > entry.last) entry.last = message.time;
    }
  }
  return result;
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
export function computeRelationships(data: Dataset, range: ResolvedRange, exchanges: Map<string, Exchanges>) {
  const mine = mediansByContact(pairsInRange(data.mine, range.from, range.to));
  const theirs = mediansByContact(pairsInRange(data.theirs, range.from, range.to));
  return [...exchanges]
    .sort(
      byCountThenKey(
        ([, entry]) => entry.sentTo + entry.receivedFrom,
        ([address]) => address,
      ),
    )
    .slice(0, RELATIONSHIPS_LIMIT)
    .map(([address, entry]) => ({
      address,
      sentTo: entry.sentTo,
      receivedFrom: entry.receivedFrom,
      exchanges: entry.sentTo + entry.receivedFrom,
      balance: entry.sentTo - entry.receivedFrom,
      last: isoOf(entry.last),
      myMedianMs: mine.get(address) ?? null,
      theirMedianMs: theirs.get(address) ?? null,
    }));
}
