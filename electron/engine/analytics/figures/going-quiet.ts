import { byCountThenKey } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { awaitingInstant } from '../scope.ts';
import { DAY_MS, isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { exchangeContacts } from './relationships.ts';

export const goingQuietDefinition =
  'As of A (the earlier of the range end and the as-of time): contacts with at least 10 exchanges (messages sent to or received from them) in [A − 120 days, A − 30 days) and none in [A − 30 days, A). Sorted by those exchanges, then address.';

/** Figure 14, going quiet. */
export function computeGoingQuiet(data: Dataset, range: ResolvedRange) {
  const instant = awaitingInstant(range, data.asOf);
  const windowStart = instant - 120 * DAY_MS;
  const quietFrom = instant - 30 * DAY_MS;
  const before = new Map<string, { exchanges: number; last: number }>();
  const recent = new Set<string>();
  for (const message of data.messages) {
    if (!(message.time >= windowStart && message.time < instant)) continue;
    for (const contact of exchangeContacts(message)) {
      if (message.time >= quietFrom) {
        recent.add(contact);
        continue;
      }
      const entry = before.get(contact);
      if (!entry) before.set(contact, { exchanges: 1, last: message.time });
      else {
        entry.exchanges++;
        if (message.time > entry.last) entry.last = message.time;
      }
    }
  }
  return [...before]
    .filter(([address, entry]) => entry.exchanges >= 10 && !recent.has(address))
    .sort(
      byCountThenKey(
        ([, entry]) => entry.exchanges,
        ([address]) => address,
      ),
    )
    .map(([address, entry]) => ({ address, exchanges: entry.exchanges, last: isoOf(entry.last) }));
}
