import type { TopDomains } from '../../../../shared/report-types.ts';
import { type Dataset, SENT } from '../prepare.ts';
import { datedIn } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const topDomainsDefinition =
  'The messages behind top senders and top recipients grouped by domain (the part after the last "@"): received messages by the sender\'s domain, sent messages by each recipient\'s domain, a domain counting once per message. Sorted by count, then domain; top 50 each.';

/** Figure 4. */
export function computeTopDomains(data: Dataset, range: ResolvedRange): TopDomains {
  const { contacts } = data;
  const senders = new Int32Array(contacts.domainCount);
  const recipients = new Int32Array(contacts.domainCount);
  // The last message index that counted each domain: a domain counts once per message.
  const countedBy = new Int32Array(contacts.domainCount).fill(-1);
  const { pool, start, length } = data.recipients;
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const index = inside[n]!;
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
