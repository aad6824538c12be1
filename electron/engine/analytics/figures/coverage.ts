import type { Coverage } from '../../../../shared/report-types.ts';
import { AUTOMATED, DATED, type Dataset, SENT } from '../prepare.ts';
import { inRange, totalsIn } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { storedCoverage } from './coverage-accounts.ts';

export const coverageDefinition =
  'Counted messages in the range: sent, received, undated (no valid time; counted only in "all"), automated, and the first and last message time. Mailbox total = Gmail\'s message total less spam and trash when those are off; share synced = messages stored ÷ that total (both count drafts); last sync = when the data was last synced (all three empty for imported mail; for several accounts, the synced ones summed and the least recent sync). Stored = every message kept for the accounts; the ones no figure counts are listed by reason: drafts, then spam, then trash (those two only while they are off). For "all", undated messages are included, so sent + received = messages.';

/** Figure 17. */
export function computeCoverage(data: Dataset, range: ResolvedRange): Coverage {
  let messages = 0;
  let sent = 0;
  let undated = 0;
  let automated = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const inside = totalsIn(data, range);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    const flags = data.flags[i]!;
    messages++;
    if ((flags & SENT) !== 0) sent++;
    if ((flags & AUTOMATED) !== 0) automated++;
    if ((flags & DATED) === 0) undated++;
    else if (inRange(data, i, range)) {
      const time = data.time[i]!;
      if (time < first) first = time;
      if (time > last) last = time;
    }
  }
  const mailbox = storedCoverage(data);
  return {
    messages,
    sent,
    received: messages - sent,
    undated,
    automated,
    first: Number.isFinite(first) ? isoOf(first) : null,
    last: Number.isFinite(last) ? isoOf(last) : null,
    mailboxTotal: mailbox.mailboxTotal,
    lastSync: mailbox.lastSync,
    shareSynced: mailbox.shareSynced,
    allTime: {
      first: Number.isFinite(data.oldest) ? isoOf(data.oldest) : null,
      last: Number.isFinite(data.newest) ? isoOf(data.newest) : null,
    },
    stored: mailbox.stored,
    leftOut: mailbox.leftOut,
    accounts: mailbox.accounts,
  };
}
