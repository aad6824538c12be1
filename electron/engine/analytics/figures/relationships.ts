import type { Relationship } from '../../../../shared/report-types.ts';
import { nullableRound } from '../numbers.ts';
import { groupByKey, medianOf } from '../order-statistics.ts';
import { type Dataset, SENT } from '../prepare.ts';
import { contactsOfPairs, delaysOf, pairsInRange, type ReplyPairs } from '../reply-walk.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { contactTally } from './contact-tally.ts';

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

/** Whether message i exchanges with contact `id`: among its recipients when sent, its sender when received. */
export function exchangesWith(data: Dataset, i: number, id: number): boolean {
  if ((data.flags[i]! & SENT) === 0) return id >= 0 && data.contact[i] === id;
  const { pool, start, length } = data.recipients;
  for (let k = start[i]!, end = k + length[i]!; k < end; k++) if (pool[k] === id) return true;
  return false;
}

/** Exchanges per contact over the dated messages whose time is in [from, to) (counted with the other per-contact figures: contact-tally.ts). */
export function exchangesPerContact(data: Dataset, from: number, to: number): ExchangeTable {
  return contactTally(data, from, to);
}

/**
 * The median delay of the pairs `inside` with each contact (null for none), computed only for the
 * contacts asked: the listed ones, not every contact.
 */
function mediansByContact(
  data: Dataset,
  pairs: ReplyPairs,
  inside: Int32Array,
): (id: number) => number | null {
  const delays = delaysOf(pairs, inside);
  const { start, values } = groupByKey(contactsOfPairs(pairs, inside), delays, data.contacts.size);
  return (id) => nullableRound(medianOf(values, start[id]!, start[id + 1]!));
}

/** Figure 14, from the exchanges per contact in the range. */
export function computeRelationships(
  data: Dataset,
  range: ResolvedRange,
  table: ExchangeTable,
): Relationship[] {
  const mine = mediansByContact(data, data.mine, pairsInRange(data.mine, range.from, range.to));
  const theirs = mediansByContact(data, data.theirs, pairsInRange(data.theirs, range.from, range.to));
  return data.contacts.top(table.exchanges, RELATIONSHIPS_LIMIT).map((id) => {
    const address = data.contacts.address(id);
    return {
      address,
      sentTo: table.sentTo[id]!,
      receivedFrom: table.receivedFrom[id]!,
      exchanges: table.exchanges[id]!,
      balance: table.sentTo[id]! - table.receivedFrom[id]!,
      last: isoOf(table.last[id]!),
      myMedianMs: mine(id),
      theirMedianMs: theirs(id),
    };
  });
}
