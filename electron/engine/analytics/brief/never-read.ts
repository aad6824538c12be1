/**
 * Newsletters you never read (docs/metrics.md "Newsletters you never read"): the senders of the
 * Newsletters figure over the Brief's 30 days with at least 3 messages and a share read of 0.
 */
import type { BriefNewsletters } from '../../../../shared/brief-types.ts';
import { newsletterDetails, newsletterGroups, readShareOf } from '../figures/newsletters.ts';
import { TOP_LIMIT } from '../figures/top-senders.ts';
import type { Dataset } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const NEVER_READ_MIN_MESSAGES = 3;

export function neverReadSection(data: Dataset, range: ResolvedRange): BriefNewsletters {
  const senders = newsletterGroups(data, range)
    .filter((group) => group.count >= NEVER_READ_MIN_MESSAGES && readShareOf(group) === 0)
    .slice(0, TOP_LIMIT)
    .map((group) => ({
      address: data.texts[group.sender]!,
      count: group.count,
      ...newsletterDetails(data, group),
    }));
  return {
    from: isoOf(range.from),
    to: isoOf(range.to),
    readStateKnown: data.accountsWithUnread.size > 0,
    senders,
  };
}
