export type HistoryType = 'messageAdded' | 'messageDeleted' | 'labelAdded' | 'labelRemoved';

export const HISTORY_TYPES: readonly HistoryType[] = [
  'messageAdded',
  'messageDeleted',
  'labelAdded',
  'labelRemoved',
];

export interface MessageSnapshot {
  id: string;
  threadId: string;
  labelIds: string[];
}

export interface HistoryRecord {
  id: number;
  type: HistoryType;
  message: MessageSnapshot;
  /** The labels added or removed, for label records. */
  changedLabelIds?: string[];
}

export interface HistoryQuery {
  startHistoryId: number;
  types: ReadonlySet<HistoryType>;
  labelId?: string;
  maxResults: number;
}

/**
 * The mailbox's change log. Records older than the horizon (in history-id units behind the
 * newest) are pruned; a `startHistoryId` before the pruned floor can no longer be replayed.
 */
export class HistoryLog {
  readonly #records: HistoryRecord[] = [];
  readonly #horizon: number;
  #start = 0;
  #prunedFloor = 0;

  constructor(horizon: number) {
    this.#horizon = horizon;
  }

  append(record: HistoryRecord): void {
    this.#records.push(record);
    const limit = record.id - this.#horizon;
    while (this.#start < this.#records.length && this.#records[this.#start]!.id <= limit) {
      this.#prunedFloor = this.#records[this.#start]!.id;
      this.#start++;
    }
    if (this.#start > 4096 && this.#start * 2 > this.#records.length) {
      this.#records.splice(0, this.#start);
      this.#start = 0;
    }
  }

  /** False when records after `startHistoryId` have been pruned. */
  canReplayFrom(startHistoryId: number): boolean {
    return startHistoryId >= this.#prunedFloor;
  }

  /** Matching records after `startHistoryId`, at most `maxResults`, and whether more follow. */
  query(query: HistoryQuery): { records: HistoryRecord[]; more: boolean } {
    const records: HistoryRecord[] = [];
    let index = this.#firstAfter(query.startHistoryId);
    for (; index < this.#records.length; index++) {
      const record = this.#records[index]!;
      if (!query.types.has(record.type)) continue;
      if (query.labelId !== undefined && !touchesLabel(record, query.labelId)) continue;
      if (records.length === query.maxResults) return { records, more: true };
      records.push(record);
    }
    return { records, more: false };
  }

  #firstAfter(historyId: number): number {
    let low = this.#start;
    let high = this.#records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#records[mid]!.id <= historyId) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function touchesLabel(record: HistoryRecord, labelId: string): boolean {
  return record.message.labelIds.includes(labelId) || (record.changedLabelIds?.includes(labelId) ?? false);
}
