/**
 * The incremental sync (docs/sync.md "Incremental sync"): `history.list` from the stored history id
 * with all four types, page by page; new messages fetched by the cheapest plan, deleted ones
 * dropped, label edits applied (a message moved to spam or trash leaves the cache unless the
 * account includes them; one restored from there is fetched). Each page is idempotent, and the
 * page token is checkpointed after it. A 404 means history is too old: a full resync follows.
 */
import { throwIfAborted } from './cancellation.ts';
import { runFullSync } from './full-sync.ts';
import type { ListedMessage } from './gmail-client.ts';
import { applyLabelEdit, foldHistory, type HistoryChanges } from './history-changes.ts';
import { PROVIDER_GMAIL, type SyncRun } from './sync-run.ts';

interface HistoryCursor {
  startHistoryId: string;
  pageToken: string | null;
}

const CURSOR_KEY = 'history';

export async function runHistorySync(run: SyncRun): Promise<{ historyId: string; changes: number }> {
  const metadata = run.job.job.metadata;
  const startHistoryId = run.account.historyId;
  if (metadata.resync === true || startHistoryId === null) {
    return { ...(await runFullSync(run, startHistoryId === null ? 'first' : 'resync')), changes: 0 };
  }
  run.status.set('syncing');
  run.progressCounts = 'added';
  const saved = metadata[CURSOR_KEY] as HistoryCursor | undefined;
  let cursor: HistoryCursor =
    saved?.startHistoryId === startHistoryId ? saved : { startHistoryId, pageToken: null };
  let latest = startHistoryId;
  let changes = 0;
  run.progress('Checking Gmail for changes', true);
  for (;;) {
    throwIfAborted(run.job.signal);
    const page = await run.client.listHistory(cursor.startHistoryId, cursor.pageToken);
    if (page === null) {
      run.progressCounts = 'stored';
      run.job.checkpoint({ resync: true });
      run.job.logger.info('history too old to replay; running a full resync', { accountId: run.account.id });
      return { ...(await runFullSync(run, 'resync')), changes: 0 };
    }
    const folded = foldHistory(page.history ?? []);
    changes += await applyChanges(run, folded);
    if (page.historyId) latest = page.historyId;
    if (!page.nextPageToken) break;
    cursor = { ...cursor, pageToken: page.nextPageToken };
    run.job.checkpoint({ [CURSOR_KEY]: cursor });
  }
  return { historyId: latest, changes };
}

async function applyChanges(run: SyncRun, changes: HistoryChanges): Promise<number> {
  const { messages } = run.services;
  const accountId = run.account.id;
  const toDelete = new Set(changes.deleted);
  const toFetch: ListedMessage[] = [...changes.added.values()];
  for (const [id, edit] of changes.labelEdits) {
    if (changes.added.has(id)) continue;
    const stored = messages.getMessage(accountId, PROVIDER_GMAIL, id);
    if (stored === null) {
      // Restored from spam or trash (or never seen): fetch it as it is now.
      if (!run.keeps([...edit.add])) continue;
      toFetch.push({ id, threadId: id });
      continue;
    }
    const labels = applyLabelEdit(stored.labels, edit);
    if (!run.keeps(labels)) toDelete.add(id);
    else messages.updateLabels(accountId, PROVIDER_GMAIL, id, labels);
  }
  if (toDelete.size > 0)
    run.storedChanged(-messages.deleteMessages(accountId, PROVIDER_GMAIL, [...toDelete]));
  await run.fetch(run.uncached(toFetch.filter((m) => !toDelete.has(m.id))), 'answered');
  if (toDelete.size > 0 || changes.labelEdits.size > 0) run.publisher.stored();
  return changes.added.size + toDelete.size + changes.labelEdits.size;
}
