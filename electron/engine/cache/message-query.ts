import type { Store } from '../db/store.ts';
import type { TimedStatement } from '../db/timed-statement.ts';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row.ts';

/** Which of an account's messages to read; a range that ends before it starts matches none. */
export interface MessageFilter {
  accountId: number;
  /** Inclusive lower bound, ms since the epoch. */
  from?: number;
  /** Exclusive upper bound, ms since the epoch. */
  to?: number;
  label?: string;
  sender?: string;
  threadKey?: string;
  direction?: 'sent' | 'received';
  /** Oldest first unless 'desc'. */
  order?: 'asc' | 'desc';
}

/**
 * The sender and thread indexes hold (account, key, time), so they answer their filter with any time
 * range exactly; without statistics the planner may prefer the time index, so it is named.
 */
function leadingIndex(filter: MessageFilter): string {
  if (filter.sender !== undefined) return ' INDEXED BY message_cache_sender';
  if (filter.threadKey !== undefined) return ' INDEXED BY message_cache_thread';
  return '';
}

/**
 * Builds the SQL for a filter shape. A label filter reads `message_labels` (account, label, time)
 * and joins the message; otherwise the sender, thread or time index of `message_cache` leads.
 * Only conditions that are present appear, so the planner can pick the matching index.
 */
function queryFor(filter: MessageFilter, paged: boolean): string {
  const byLabel = filter.label !== undefined;
  const timeColumn = byLabel ? 'l.time' : 'm.time';
  const where = byLabel ? ['l.account_id = @accountId', 'l.label = @label'] : ['m.account_id = @accountId'];
  if (filter.sender !== undefined) where.push('m.sender = @sender');
  if (filter.threadKey !== undefined) where.push('m.thread_key = @threadKey');
  if (filter.direction !== undefined) where.push('m.direction = @direction');
  if (filter.from !== undefined) where.push(`${timeColumn} >= @from`);
  if (filter.to !== undefined) where.push(`${timeColumn} < @to`);
  const source = byLabel
    ? 'message_labels l JOIN message_cache m ON m.id = l.message_rowid'
    : `message_cache m${leadingIndex(filter)}`;
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  return `SELECT ${MESSAGE_COLUMNS} FROM ${source} WHERE ${where.join(' AND ')}
    ORDER BY ${timeColumn} ${direction}, m.id ${direction}${paged ? ' LIMIT @limit OFFSET @offset' : ''}`;
}

/** The bound parameters of a filter: only those its SQL names. */
export function filterParams(filter: MessageFilter): Record<string, string | number> {
  const params: Record<string, string | number> = { accountId: filter.accountId };
  for (const name of ['from', 'to', 'label', 'sender', 'threadKey', 'direction'] as const) {
    const value = filter[name];
    if (value !== undefined) params[name] = value;
  }
  return params;
}

/** Prepared message queries, one per filter shape, kept after first use. */
export class MessageQueries {
  readonly #store: Store;
  readonly #statements = new Map<string, TimedStatement<MessageRow>>();

  constructor(store: Store) {
    this.#store = store;
  }

  statement(filter: MessageFilter, paged: boolean): TimedStatement<MessageRow> {
    const sql = queryFor(filter, paged);
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#store.prepare<MessageRow>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
