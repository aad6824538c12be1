import type { TopDomains } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import type { ResolvedRange } from '../types.ts';
import { contactTally } from './contact-tally.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const topDomainsDefinition =
  'The messages behind top senders and top recipients grouped by domain (the part after the last "@"): received messages by the sender\'s domain, sent messages by each recipient\'s domain, a domain counting once per message. Sorted by count, then domain; top 50 each.';

/** Figure 4. */
export function computeTopDomains(data: Dataset, range: ResolvedRange): TopDomains {
  const { contacts } = data;
  const { senderDomains, recipientDomains } = contactTally(data, range.from, range.to);
  const list = (counts: Int32Array) =>
    contacts.top(counts, TOP_LIMIT, true).map((id) => ({ domain: contacts.domain(id), count: counts[id]! }));
  return { senders: list(senderDomains), recipients: list(recipientDomains) };
}
