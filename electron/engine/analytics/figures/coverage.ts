import type { Coverage } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { storedCoverage } from './coverage-accounts.ts';
import { messageTally } from './message-tally.ts';

export const coverageDefinition =
  'Counted messages in the range: sent, received, undated (no valid time; counted only in "all"), automated, and the first and last message time. Mailbox total = Gmail\'s message total less spam and trash when those are off; share synced = messages stored ÷ that total (both count drafts); last sync = when the data was last synced (all three empty for imported mail; for several accounts, the synced ones summed and the least recent sync). Stored = every message kept for the accounts; the ones no figure counts are listed by reason: drafts, then spam, then trash (those two only while they are off). For "all", undated messages are included, so sent + received = messages.';

/** Figure 17. */
export function computeCoverage(data: Dataset, range: ResolvedRange): Coverage {
  const { sent, received, automated, undated, first, last } = messageTally(data, range);
  const messages = sent + received;
  const mailbox = storedCoverage(data);
  return {
    messages,
    sent,
    received,
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
