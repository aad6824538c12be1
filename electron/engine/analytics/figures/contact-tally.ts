/**
 * The per-contact counts of top senders (figure 2), top recipients (3), top domains (4),
 * relationships and the network (14, 15, from the exchanges) and volume's unique correspondents
 * (1) over the dated messages in one range, in one pass instead of one pass each: at 1,000,000
 * messages in `all` each pass walked the same senders and recipient lists again.
 */
import { AUTOMATED, type Dataset, NAMED, SENT } from '../prepare.ts';
import { datedIn, isMoreRecent, perDataset } from '../scope.ts';
import type { ExchangeTable } from './relationships.ts';

/** Arrays by contact number (the exchanges: relationships.ts), or by domain number where named so. */
export interface ContactTally extends ExchangeTable {
  /** The time of the last sent message to the contact (-Infinity for none). */
  lastSent: Float64Array;
  /** Received automated messages from the contact. */
  automatedFrom: Int32Array;
  /** Dataset indices of the latest received message from the contact, and of the latest with a display name (-1 = none). */
  latestFrom: Int32Array;
  namedFrom: Int32Array;
  /** By domain number: received messages by the sender's domain, sent ones by each recipient's domain (once per message). */
  senderDomains: Int32Array;
  recipientDomains: Int32Array;
  /** Distinct contacts with an exchange: volume's unique correspondents. */
  correspondents: number;
}

const tallies = new WeakMap<Float64Array, Map<string, ContactTally>>();

/** The tally of the dated messages in [from, to), made once per dataset and range. */
export function contactTally(data: Dataset, from: number, to: number): ContactTally {
  return perDataset(tallies, data, `${from}|${to}`, () => tallyOf(data, from, to));
}

function tallyOf(data: Dataset, from: number, to: number): ContactTally {
  const { flags, time, contact, contacts } = data;
  const { pool, start, length } = data.recipients;
  const { domainOfContact } = contacts;
  const size = contacts.size;
  const sentTo = new Int32Array(size);
  const receivedFrom = new Int32Array(size);
  const exchanges = new Int32Array(size);
  const last = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const lastSent = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const automatedFrom = new Int32Array(size);
  const latestFrom = new Int32Array(size).fill(-1);
  const namedFrom = new Int32Array(size).fill(-1);
  const senderDomains = new Int32Array(contacts.domainCount);
  const recipientDomains = new Int32Array(contacts.domainCount);
  // The last message index that counted each domain: a domain counts once per message.
  const countedBy = new Int32Array(contacts.domainCount).fill(-1);
  let correspondents = 0;
  const inside = datedIn(data, from, to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    const messageFlags = flags[i]!;
    const instant = time[i]!;
    if ((messageFlags & SENT) !== 0) {
      for (let k = start[i]!, end = k + length[i]!; k < end; k++) {
        const id = pool[k]!;
        sentTo[id]!++;
        if (exchanges[id]!++ === 0) correspondents++;
        if (instant > last[id]!) last[id] = instant;
        if (instant > lastSent[id]!) lastSent[id] = instant;
        const domain = domainOfContact[id]!;
        if (countedBy[domain] !== i) {
          countedBy[domain] = i;
          recipientDomains[domain]!++;
        }
      }
      continue;
    }
    const id = contact[i]!;
    if (id < 0) continue;
    receivedFrom[id]!++;
    if (exchanges[id]!++ === 0) correspondents++;
    if (instant > last[id]!) last[id] = instant;
    senderDomains[domainOfContact[id]!]!++;
    if ((messageFlags & AUTOMATED) !== 0) automatedFrom[id]!++;
    if (isMoreRecent(data, i, latestFrom[id]!)) latestFrom[id] = i;
    if ((messageFlags & NAMED) !== 0 && isMoreRecent(data, i, namedFrom[id]!)) namedFrom[id] = i;
  }
  return {
    sentTo,
    receivedFrom,
    exchanges,
    last,
    lastSent,
    automatedFrom,
    latestFrom,
    namedFrom,
    senderDomains,
    recipientDomains,
    correspondents,
  };
}
