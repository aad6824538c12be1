import type BetterSqlite3 from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
import type { AnalyticsMessage, ReportAccount } from './types.ts';

const COLUMNS = `id, account_id, provider_id, provider_thread_id, message_id, in_reply_to, refs, time, from_addr,
  from_name, sender, sender_name, to_addrs, cc_addrs, bcc_addrs, reply_to, subject, subject_key, labels, list_post,
  has_list_post, unsubscribe, automated, size, content_key, counted, direction, echo, thread_key`;

type Row = [
  number,
  number,
  string,
  string | null,
  string | null,
  string,
  string,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  number,
  string | null,
  number,
  number,
  string | null,
  number,
  'sent' | 'received',
  number,
  string | null,
];

/**
 * Parses a JSON list column. Rows repeat the same lists over and over (`["INBOX","UNREAD"]`, the
 * account address in To), so identical texts share one frozen array: loading allocates less, and
 * the figures' lookups meet the same string objects again.
 */
function listReader(): (json: string) => string[] {
  const seen = new Map<string, string[]>();
  return (json) => {
    let list = seen.get(json);
    if (list === undefined) {
      list = Object.freeze(JSON.parse(json) as string[]) as string[];
      if (seen.size < MAX_SHARED_LISTS) seen.set(json, list);
    }
    return list;
  };
}

const MAX_SHARED_LISTS = 200_000;

function placeholders(count: number): string {
  return new Array(count).fill('?').join(',');
}

/**
 * Every stored message of the accounts, in storage order, as the analytics read them. A message
 * not derived yet (no thread key) gets a thread of its own; reports re-derive threads when the
 * stored derivation may not match their as-of time.
 */
export function loadAnalyticsMessages(db: BetterSqlite3.Database, accountIds: number[]): AnalyticsMessage[] {
  if (accountIds.length === 0) return [];
  const statement = db
    .prepare(
      `SELECT ${COLUMNS} FROM message_cache WHERE account_id IN (${placeholders(accountIds.length)}) ORDER BY id`,
    )
    .raw(true);
  const rows = statement.all(...accountIds) as Row[];
  const list = listReader();
  return rows.map((r) => ({
    rowId: r[0],
    accountId: r[1],
    providerId: r[2],
    providerThreadId: r[3],
    messageId: r[4],
    inReplyTo: list(r[5]),
    references: list(r[6]),
    time: r[7],
    from: r[8],
    fromName: r[9],
    sender: r[10],
    senderName: r[11],
    to: list(r[12]),
    cc: list(r[13]),
    bcc: list(r[14]),
    replyTo: list(r[15]),
    subject: r[16],
    subjectKey: r[17],
    labels: list(r[18]),
    listPost: r[19],
    hasListPost: r[20] === 1,
    unsubscribe: r[21],
    automated: r[22] === 1,
    size: r[23],
    contentKey: r[24],
    counted: r[25] === 1,
    direction: r[26],
    echo: r[27] === 1,
    threadKey: r[28] ?? `r:${r[0]}`,
  }));
}

/** The accounts of a report (address, provider and identities: the address first, then the aliases). */
export function loadReportAccounts(db: BetterSqlite3.Database, accountIds: number[]): ReportAccount[] {
  if (accountIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT id, address, provider, identities FROM accounts WHERE id IN (${placeholders(accountIds.length)}) ORDER BY id`,
    )
    .all(...accountIds) as Array<{
    id: number;
    address: string;
    provider: ReportAccount['provider'];
    identities: string;
  }>;
  if (rows.length !== new Set(accountIds).size) {
    throw new BriefError(
      'NOT_FOUND',
      'One of the accounts asked for is not in this 360Brief database any more. Reload the account list.',
    );
  }
  return rows.map((row) => {
    const aliases = JSON.parse(row.identities) as string[];
    return {
      id: row.id,
      address: row.address,
      provider: row.provider,
      identities: [row.address, ...aliases],
    };
  });
}
