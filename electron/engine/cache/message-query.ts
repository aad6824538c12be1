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
 * How a label filter is answered (docs/store.md "Labels"): by the label's bit in `label_bits` (its
 * value, 2^bit), or for a label the account numbered past the 53 bits, by the JSON list of labels.
 */
export type LabelMatch = { test: 'bit'; value: number } | { test: 'listed'; label: string };

/**
 * The sender and thread indexes hold (account, key, time), so they answer their filter with any time
 * range exactly; the time index holds (account, time, label bits), so it answers a label filter over
 * a range from its entries alone. Without statistics the planner may prefer another index, so the
 * one meant is named.
 */
function leadingIndex(filter: MessageFilter, label: LabelMatch | null): string {
  if (filter.sender !== undefined) return ' INDEXED BY message_cache_sender';
  if (filter.threadKey !== undefined) return ' INDEXED BY message_cache_thread';
  if (label !== null) return ' INDEXED BY message_cache_time';
  return '';
}

/**
 * Builds the SQL for a filter shape: the sender, thread or time index of `message_cache` leads.
 * Only conditions that are present appear, so the planner can pick the matching index.
 */
function queryFor(filter: MessageFilter, paged: boolean, label: LabelMatch | null): string {
  const where = ['m.account_id = @accountId'];
  if (label?.test === 'bit') where.push('(m.label_bits & @labelBit) <> 0');
  if (label?.test === 'listed') where.push('EXISTS (SELECT 1 FROM json_each(m.labels) WHERE value = @label)');
  if (filter.sender !== undefined) where.push('m.sender = @sender');
  if (filter.threadKey !== undefined) where.push('m.thread_key = @threadKey');
  if (filter.direction !== undefined) where.push('m.direction = @direction');
  if (filter.from !== undefined) where.push('m.time >= @from');
  if (filter.to !== undefined) where.push('m.time < @to');
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  return `SELECT ${MESSAGE_COLUMNS} FROM message_cache m${leadingIndex(filter, label)} WHERE ${where.join(' AND ')}
    ORDER BY m.time ${direction}, m.id ${direction}${paged ? ' LIMIT @limit OFFSET @offset' : ''}`;
}

/** The bound parameters of a filter: only those its SQL names (a label as its bit's value, or by name). */
export function filterParams(
  filter: MessageFilter,
  label: LabelMatch | null,
): Record<string, string | number> {
  const params: Record<string, string | number> = { accountId: filter.accountId };
  for (const name of ['from', 'to', 'sender', 'threadKey', 'direction'] as const) {
    const value = filter[name];
    if (value !== undefined) params[name] = value;
  }
  if (label?.test === 'bit') params.labelBit = label.value;
  if (label?.test === 'listed') params.label = label.label;
  return params;
}

/** Prepared message queries, one per filter shape, kept after first use. */
export class MessageQueries {
  readonly #store: Store;
  readonly #statements = new Map<string, TimedStatement<MessageRow>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** `label`: how the filter's label is matched (null when it has none). */
  statement(filter: MessageFilter, paged: boolean, label: LabelMatch | null): TimedStatement<MessageRow> {
    const sql = queryFor(filter, paged, label);
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#store.prepare<MessageRow>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
