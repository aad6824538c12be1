import type { QuietContact } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import { awaitingInstant } from '../scope.ts';
import { DAY_MS, isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { exchangesPerContact } from './relationships.ts';

export const goingQuietDefinition =
  'As of A (the earlier of the range end and the as-of time): contacts with at least 10 exchanges (messages sent to or received from them) in [A − 120 days, A − 30 days) and none in [A − 30 days, A). Sorted by those exchanges, then address.';

/** Figure 14, going quiet. */
export function computeGoingQuiet(data: Dataset, range: ResolvedRange): QuietContact[] {
  const instant = awaitingInstant(range, data.asOf);
  const quietFrom = instant - 30 * DAY_MS;
  const before = exchangesPerContact(data, instant - 120 * DAY_MS, quietFrom);
  const recent = exchangesPerContact(data, quietFrom, instant);
  const quiet = before.exchanges.map((count, id) => (count >= 10 && recent.exchanges[id] === 0 ? count : 0));
  return data.contacts.top(quiet, Number.POSITIVE_INFINITY).map((id) => ({
    address: data.contacts.address(id),
    exchanges: quiet[id]!,
    last: isoOf(before.last[id]!),
  }));
}
