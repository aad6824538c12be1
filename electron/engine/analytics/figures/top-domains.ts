import { increment, topCounts } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { domainOf, inRange } from '../scope.ts';
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
  const senders = new Map<string, number>();
  const recipients = new Map<string, number>();
  for (const message of data.messages) {
    if (!inRange(message, range)) continue;
    if (message.sent) {
      const domains =
        message.recipients.length === 1
          ? [domainOf(message.recipients[0]!)]
          : new Set(message.recipients.map(domainOf));
      for (const domain of domains) increment(recipients, domain);
    } else if (message.contact !== null) {
      increment(senders, domainOf(message.contact));
    }
  }
  const list = (counts: Map<string, number>) =>
    topCounts(counts, TOP_LIMIT).map(([domain, count]) => ({ domain, count }));
  return { senders: list(senders), recipients: list(recipients) };
}
