import type BetterSqlite3 from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
import { listReader } from './list-column.ts';
import { RareFactsLoader } from './rare-facts.ts';
import { EAGER_COLUMNS, type EagerRow, StoredMessage } from './stored-message.ts';
import type { AnalyticsMessage, ReportAccount } from './types.ts';

function placeholders(count: number): string {
  return new Array(count).fill('?').join(',');
}

/**
 * Every stored message of the accounts, in storage order, as the analytics read them. A message
 * not derived yet (no thread key) gets a thread of its own; reports re-derive threads when the
 * stored derivation may not match their as-of time.
 *
 * Speed (most of a cold report is this read): the table is scanned in rowid order (`+account_id`
 * keeps SQLite off the (account, time) index, which would make it sort every row in a temporary
 * b-tree), only the columns the figures use are read, the four flags come as one number, and the
 * facts only re-derivation needs are read on first use (see StoredMessage).
 */
export function loadAnalyticsMessages(db: BetterSqlite3.Database, accountIds: number[]): AnalyticsMessage[] {
  if (accountIds.length === 0) return [];
  const where = `WHERE +account_id IN (${placeholders(accountIds.length)}) ORDER BY id`;
  const rows = db
    .prepare(`SELECT ${EAGER_COLUMNS} FROM message_cache ${where}`)
    .raw(true)
    .all(...accountIds) as EagerRow[];
  const rowIds = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) rowIds[i] = rows[i]![0];
  const rare = new RareFactsLoader(db, where, accountIds, rowIds);
  const list = listReader();
  const messages = new Array<AnalyticsMessage>(rows.length);
  for (let i = 0; i < rows.length; i++) messages[i] = new StoredMessage(i, rare, rows[i]!, list);
  return messages;
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
