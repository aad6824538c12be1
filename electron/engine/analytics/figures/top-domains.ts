import { type Dataset, SENT } from '../prepare.ts';
import { inRange } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const topDomainsDefinition =
  'The top senders and top recipients lists grouped by the part after the last "@"; a domain counts once per message. Sorted by count, then domain; top 50 each.';

export interface DomainCount {
  domain: string;
  count: number;
}

/** Figure 4. */
export function computeTopDomains(
  data: Dataset,
  range: ResolvedRange,
): { senders: DomainCount[]; recipients: DomainCount[] } {
  const { contacts } = data;
  const senders = new Int32Array(contacts.domainCount);
  const recipients = new Int32Array(contacts.domainCount);
  // The last message index that counted each domain: a domain counts once per message.
  const countedBy = new Int32Array(contacts.domainCount).fill(-1);
  const { pool, start, length } = data.recipients;
  for (let index = 0; index < data.count; index++) {
    if (!inRange(data, index, range)) continue;
    if ((data.flags[index]! & SENT) !== 0) {
      for (let k = start[index]!, end = k + length[index]!; k < end; k++) {
        const domain = contacts.domainOfContact[pool[k]!]!;
        if (countedBy[domain] === index) continue;
        countedBy[domain] = index;
        recipients[domain]!++;
      }
    } else if (data.contact[index]! >= 0) {
      senders[contacts.domainOfContact[data.contact[index]!]!]!++;
    }
  }
  const list = (counts: Int32Array) =>
    contacts.top(counts, TOP_LIMIT, true).map((id) => ({ domain: contacts.domain(id), count: counts[id]! }));
  return { senders: list(senders), recipients: list(recipients) };
}
