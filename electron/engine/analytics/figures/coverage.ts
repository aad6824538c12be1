import type { Dataset } from '../prepare.ts';
import { inRange, inTotals } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const coverageDefinition =
  'Counted messages in the range: sent, received, undated (no valid time; counted only in "all"), automated, and the first and last message time. Mailbox total = Gmail\'s message total less spam and trash when those are off; share synced = messages stored ÷ that total; last sync = when the data was last synced (both empty for imported mail). For "all", undated messages are included, so sent + received = messages.';

/** Figure 17. */
export function computeCoverage(data: Dataset, range: ResolvedRange) {
  let messages = 0;
  let sent = 0;
  let undated = 0;
  let automated = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const message of data.messages) {
    if (!inTotals(message, range)) continue;
    messages++;
    if (message.sent) sent++;
    if (message.automated) automated++;
    if (!message.dated) undated++;
    else if (inRange(message, range)) {
      if (message.time < first) first = message.time;
      if (message.time > last) last = message.time;
    }
  }
  const mailboxTotal = data.input.mailboxTotal ?? null;
  const stored = mailboxTotal
    ? data.input.messages.filter(
        (m) => m.counted || !(m.labels.includes('SPAM') || m.labels.includes('TRASH')),
      ).length
    : 0;
  return {
    messages,
    sent,
    received: messages - sent,
    undated,
    automated,
    first: Number.isFinite(first) ? isoOf(first) : null,
    last: Number.isFinite(last) ? isoOf(last) : null,
    mailboxTotal,
    lastSync: data.input.lastSync ?? null,
    shareSynced: mailboxTotal ? Math.min(1, stored / mailboxTotal) : null,
  };
}
