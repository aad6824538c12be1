/**
 * The stored side of coverage (figure 17): what each account holds, how much of its Gmail
 * mailbox that is, and which stored messages no figure counts and why — so the count `brief
 * accounts` lists (stored) and the report's (counted) can be told apart.
 */
import type { AccountCoverage, LeftOut } from '../../../../shared/report-types.ts';
import type { MessageColumns } from '../message-columns.ts';
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
interface StoredTally {
  perAccount: Map<number, Tally>;
  leftOut: LeftOut;
}

/**
 * The tally of each loaded set's columns, for its accounts: the same for every view of a batch,
 * and carried to the set a kept dataset is brought up to date with (dataset-patch.ts), since it
 * is a pass over every stored message (≈ 6 ms at 1,000,000).
 */
const tallies = new WeakMap<MessageColumns, { accounts: string; tally: StoredTally }>();

const accountsOf = (data: Dataset) => data.input.accounts.map((a) => a.id).join(',');

/** Adds (sign 1) or takes away (-1) stored position k of the columns. */
function count(tally: StoredTally, columns: MessageColumns, k: number, sign: 1 | -1): void {
  const entry = tally.perAccount.get(columns.accountId[k]!);
  if (entry === undefined) return;
  entry.stored += sign;
  if ((columns.flags[k]! & COUNTED) !== 0) {
    entry.inTotal += sign;
    return;
  }
  // Not counted: a draft, or spam or trash while the setting keeps them out (mail/derive.ts).
  const labels = columns.lists.lists[columns.labels[k]!]!;
  if (labels.includes('DRAFT')) {
    tally.leftOut.drafts += sign;
    // A draft is in Gmail's total unless it is also in spam or trash.
    if (!(labels.includes('SPAM') || labels.includes('TRASH'))) entry.inTotal += sign;
  } else if (labels.includes('SPAM')) tally.leftOut.spam += sign;
  else tally.leftOut.trash += sign;
}

function emptyTally(data: Dataset): StoredTally {
  return {
    perAccount: new Map(data.input.accounts.map((a) => [a.id, { stored: 0, inTotal: 0 }])),
    leftOut: { drafts: 0, spam: 0, trash: 0 },
  };
}

function tally(data: Dataset): StoredTally {
  const accounts = accountsOf(data);
  const known = tallies.get(data.columns);
  if (known?.accounts === accounts) return known.tally;
  const made = emptyTally(data);
  // Rows come grouped by account: the rows of each run counted whole, the rest (not counted: drafts,
  // spam, trash) one by one; a map lookup per row was most of this pass.
  const { columns } = data;
  const { accountId, flags } = columns;
  for (let k = 0; k < columns.count; ) {
    const account = accountId[k]!;
    const entry = made.perAccount.get(account);
    let end = k;
    while (end < columns.count && accountId[end] === account) end++;
    if (entry !== undefined) {
      for (let j = k; j < end; j++) {
        if ((flags[j]! & COUNTED) === 0) count(made, columns, j, 1);
        else {
          entry.stored++;
          entry.inTotal++;
        }
      }
    }
    k = end;
  }
  tallies.set(data.columns, { accounts, tally: made });
  return made;
}

/**
 * Gives `data` — `previous` brought up to date (dataset-patch.ts): the rows at stored positions
 * `relabeled` changed their labels alone, and those from `appendedFrom` on are new — its tally
 * from `previous`'s, when that was made: the relabeled rows taken away as they were and added as
 * they are, the new rows added.
 */
export function carryStoredTally(
  previous: Dataset,
  data: Dataset,
  relabeled: readonly number[],
  appendedFrom: number,
): void {
  const accounts = accountsOf(data);
  const known = tallies.get(previous.columns);
  if (known?.accounts !== accounts || accountsOf(previous) !== accounts || tallies.has(data.columns)) return;
  const carried: StoredTally = {
    perAccount: new Map([...known.tally.perAccount].map(([id, entry]) => [id, { ...entry }])),
    leftOut: { ...known.tally.leftOut },
  };
  for (const k of relabeled) {
    count(carried, previous.columns, k, -1);
    count(carried, data.columns, k, 1);
  }
  for (let k = appendedFrom; k < data.columns.count; k++) count(carried, data.columns, k, 1);
  tallies.set(data.columns, { accounts, tally: carried });
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
