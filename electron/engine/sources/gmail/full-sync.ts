/**
 * The full sync (docs/sync.md "First sync"): record the history id before listing, page
 * through `messages.list` newest first, skip what is cached, fetch the rest by the cheapest plan,
 * store batch by batch. The cursor (page token + what remains to fetch) is checkpointed in the
 * job, so a restart relists at most one page and loses nothing.
 *
 * A `resync` (history too old to replay) keeps the cache visible but refreshes every listed
 * message, since labels may have changed unseen, and finally drops what Gmail no longer has.
 */
import { throwIfAborted } from './cancellation.ts';
import type { ListedMessage, MessagePage } from './gmail-client.ts';
import { PROVIDER_GMAIL, type SyncRun } from './sync-run.ts';

export type FullSyncMode = 'first' | 'resync';

export interface FullSyncCursor {
  mode: FullSyncMode;
  /** Recorded before the first page: where the next incremental sync starts. */
  historyId: string;
  /** The next page to list; null before the first page. */
  pageToken: string | null;
  /** Listed, not yet known to be stored (held-back threads, or a page cut short by a stop). */
  pending: ListedMessage[];
  listingDone: boolean;
}

const CURSOR_KEY = 'fullSync';

/** As stored: the pending list packed as `id` or `id/threadId`, comma-separated, to stay well under the 64 KB metadata limit. */
interface StoredCursor extends Omit<FullSyncCursor, 'pending'> {
  pending: string;
}

function pack(messages: readonly ListedMessage[]): string {
  return messages.map((m) => (m.threadId === m.id ? m.id : `${m.id}/${m.threadId}`)).join(',');
}

function unpack(text: string): ListedMessage[] {
  return text === ''
    ? []
    : text.split(',').map((entry) => {
        const [id = '', threadId] = entry.split('/');
        return { id, threadId: threadId ?? id };
      });
}

export function readFullSyncCursor(metadata: Record<string, unknown>): FullSyncCursor | null {
  const stored = metadata[CURSOR_KEY] as StoredCursor | undefined;
  if (stored === undefined || typeof stored.historyId !== 'string' || typeof stored.pending !== 'string')
    return null;
  return { ...stored, pending: unpack(stored.pending) };
}

export async function runFullSync(run: SyncRun, mode: FullSyncMode): Promise<{ historyId: string }> {
  run.status.set('syncing');
  let cursor = readFullSyncCursor(run.job.job.metadata);
  if (cursor === null || cursor.mode !== mode) {
    const profile = await run.client.getProfile();
    cursor = { mode, historyId: profile.historyId, pageToken: null, pending: [], listingDone: false };
    checkpoint(run, cursor);
    run.total = await coverageTotal(run, profile.messagesTotal);
    run.services.accounts.setMailboxTotal(run.account.id, run.total);
  } else {
    run.total = run.services.accounts.getAccount(run.account.id).mailboxTotal;
  }
  run.progress(undefined, true);
  const refreshed = new Set<string>();
  const toFetch = (messages: ListedMessage[]) =>
    mode === 'first' ? run.uncached(messages) : messages.filter((m) => !refreshed.has(m.id));

  let nextPage: Promise<MessagePage> | null = cursor.listingDone ? null : listPage(run, cursor.pageToken);
  while (nextPage !== null || cursor.pending.length > 0) {
    throwIfAborted(run.job.signal);
    const page = nextPage === null ? null : await nextPage;
    const listed = page?.messages ?? [];
    const more = page !== null && page.nextPageToken !== null;
    const candidates = toFetch([...cursor.pending, ...listed]);
    cursor = {
      ...cursor,
      pageToken: page === null ? cursor.pageToken : page.nextPageToken,
      listingDone: cursor.listingDone || !more,
      pending: candidates,
    };
    // Everything listed and not stored is in the cursor before any fetch: a stop loses nothing.
    checkpoint(run, cursor);
    nextPage = more ? listPage(run, cursor.pageToken) : null;
    const deferrable = more ? new Set(listed.map((m) => m.id)) : new Set<string>();
    const deferred = await run.fetch(candidates, 'planned', deferrable).catch(async (error: unknown) => {
      await nextPage?.catch(() => undefined);
      throw error;
    });
    if (mode === 'resync') for (const m of candidates) if (!deferred.includes(m)) refreshed.add(m.id);
    cursor = { ...cursor, pending: deferred };
    checkpoint(run, cursor);
  }
  if (mode === 'resync') await dropVanished(run);
  return { historyId: cursor.historyId };
}

function listPage(run: SyncRun, pageToken: string | null): Promise<MessagePage> {
  const page = run.client.listMessages(pageToken, run.settings.includeSpamTrash);
  page.catch(() => undefined);
  return page;
}

function checkpoint(run: SyncRun, cursor: FullSyncCursor): void {
  const stored: StoredCursor = { ...cursor, pending: pack(cursor.pending) };
  run.job.checkpoint({ [CURSOR_KEY]: stored });
}

/** `messagesTotal` less SPAM and TRASH unless the account includes them (docs/sync.md "First sync"). */
async function coverageTotal(run: SyncRun, messagesTotal: number): Promise<number> {
  if (run.settings.includeSpamTrash) return messagesTotal;
  const spam = await run.client.labelMessagesTotal('SPAM');
  const trash = await run.client.labelMessagesTotal('TRASH');
  return Math.max(0, messagesTotal - spam - trash);
}

/** Lists every id (5 units per 500) and deletes cached messages Gmail no longer lists. */
async function dropVanished(run: SyncRun): Promise<void> {
  run.progress('Checking for messages removed while history was unavailable', true);
  const listed = new Set<string>();
  let token: string | null = null;
  do {
    const page: MessagePage = await run.client.listMessages(token, run.settings.includeSpamTrash);
    for (const m of page.messages) listed.add(m.id);
    token = page.nextPageToken;
  } while (token !== null);
  const vanished: string[] = [];
  for (const message of run.services.messages.iterateMessages({ accountId: run.account.id })) {
    if (message.providerId !== null && !listed.has(message.providerId)) vanished.push(message.providerId);
  }
  if (vanished.length === 0) return;
  run.storedChanged(-run.services.messages.deleteMessages(run.account.id, PROVIDER_GMAIL, vanished));
  run.publisher.stored();
}
