/**
 * The stored side of coverage (figure 17): what each account holds, how much of its Gmail
 * mailbox that is, and which stored messages no figure counts and why — so the count `brief
 * accounts` lists (stored) and the report's (counted) can be told apart.
 */
import type { AccountCoverage, LeftOut } from '../../../../shared/report-types.ts';
import { COUNTED } from '../message-flags.ts';
import type { Dataset } from '../prepare.ts';

export interface StoredCoverage {
  stored: number;
  leftOut: LeftOut;
  accounts: AccountCoverage[];
  /** The synced accounts summed: null when none has a mailbox total. */
  mailboxTotal: number | null;
  shareSynced: number | null;
  /** The least recent last sync of the synced accounts, so none looks fresher than it is. */
  lastSync: string | null;
}

interface Tally {
  stored: number;
  /** Stored messages that a mailbox total counts too: all but spam and trash while those are off. */
  inTotal: number;
}

/** Per account id: messages stored and those a mailbox total counts; the reasons left out, summed. */
function tally(data: Dataset): { perAccount: Map<number, Tally>; leftOut: LeftOut } {
  const { columns } = data;
  const perAccount = new Map<number, Tally>(
    data.input.accounts.map((a) => [a.id, { stored: 0, inTotal: 0 }]),
  );
  const leftOut: LeftOut = { drafts: 0, spam: 0, trash: 0 };
  // Messages come grouped by account: the entry is looked up again only when the account changes.
  let account = Number.NaN;
  let entry: Tally | undefined;
  for (let k = 0; k < columns.count; k++) {
    if (columns.accountId[k] !== account) {
      account = columns.accountId[k]!;
      entry = perAccount.get(account);
    }
    if (entry === undefined) continue;
    entry.stored++;
    if ((columns.flags[k]! & COUNTED) !== 0) {
      entry.inTotal++;
      continue;
    }
    // Not counted: a draft, or spam or trash while the setting keeps them out (mail/derive.ts).
    const labels = columns.lists.lists[columns.labels[k]!]!;
    if (labels.includes('DRAFT')) {
      leftOut.drafts++;
      // A draft is in Gmail's total unless it is also in spam or trash.
      if (!(labels.includes('SPAM') || labels.includes('TRASH'))) entry.inTotal++;
    } else if (labels.includes('SPAM')) leftOut.spam++;
    else leftOut.trash++;
  }
  return { perAccount, leftOut };
}

const share = (stored: number, total: number | null) => (total ? Math.min(1, stored / total) : null);

export function storedCoverage(data: Dataset): StoredCoverage {
  const { perAccount, leftOut } = tally(data);
  let stored = 0;
  let synced = 0;
  let mailboxTotal: number | null = null;
  let lastSync: string | null = null;
  const accounts = data.input.accounts.map((account): AccountCoverage => {
    const counts = perAccount.get(account.id)!;
    const total = account.mailboxTotal ?? null;
    const sync = account.lastSync ?? null;
    stored += counts.stored;
    if (total !== null) {
      mailboxTotal = (mailboxTotal ?? 0) + total;
      synced += counts.inTotal;
    }
    if (sync !== null && (lastSync === null || sync < lastSync)) lastSync = sync;
    return {
      address: account.address.toLowerCase(),
      source: account.provider,
      stored: counts.stored,
      mailboxTotal: total,
      shareSynced: share(counts.inTotal, total),
      lastSync: sync,
    };
  });
  return { stored, leftOut, accounts, mailboxTotal, shareSynced: share(synced, mailboxTotal), lastSync };
}
