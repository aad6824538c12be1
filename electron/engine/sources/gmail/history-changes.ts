/**
 * Folds a page of `history.list` into the changes to apply, in history order: messages to fetch,
 * messages to delete, and label edits (added and removed ids) for messages already stored.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { ListedMessage } from './gmail-client.ts';

export interface LabelEdit {
  add: Set<string>;
  remove: Set<string>;
}

export interface HistoryChanges {
  added: Map<string, ListedMessage>;
  deleted: Set<string>;
  /** In the order the edits happened; later edits win. */
  labelEdits: Map<string, LabelEdit>;
}

export function foldHistory(records: readonly gmail_v1.Schema$History[]): HistoryChanges {
  const changes: HistoryChanges = { added: new Map(), deleted: new Set(), labelEdits: new Map() };
  const edit = (id: string) => {
    let entry = changes.labelEdits.get(id);
    if (entry === undefined) {
      entry = { add: new Set(), remove: new Set() };
      changes.labelEdits.set(id, entry);
    }
    return entry;
  };
  for (const record of records) {
    for (const { message } of record.messagesAdded ?? []) {
      if (!message?.id) continue;
      changes.deleted.delete(message.id);
      changes.added.set(message.id, { id: message.id, threadId: message.threadId ?? message.id });
    }
    for (const { message } of record.messagesDeleted ?? []) {
      if (!message?.id) continue;
      changes.added.delete(message.id);
      changes.labelEdits.delete(message.id);
      changes.deleted.add(message.id);
    }
    for (const change of record.labelsAdded ?? []) {
      if (!change.message?.id) continue;
      const entry = edit(change.message.id);
      for (const label of change.labelIds ?? []) {
        entry.remove.delete(label);
        entry.add.add(label);
      }
    }
    for (const change of record.labelsRemoved ?? []) {
      if (!change.message?.id) continue;
      const entry = edit(change.message.id);
      for (const label of change.labelIds ?? []) {
        entry.add.delete(label);
        entry.remove.add(label);
      }
    }
  }
  return changes;
}

export function applyLabelEdit(labels: readonly string[], edit: LabelEdit): string[] {
  const next = labels.filter((label) => !edit.remove.has(label));
  for (const label of edit.add) if (!next.includes(label)) next.push(label);
  return next;
}
