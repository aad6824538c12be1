/**
 * Single Gmail calls through the official client (`@googleapis/gmail`, its own retry off), each
 * through the sync's call-with-policy loop (`call-with-policy.ts`): profile, label totals, message
 * listing and history.
 */
import { createRequire } from 'node:module';
import type { gmail_v1 } from '@googleapis/gmail';
import { type CallContext, fatalCallError } from './call-context.ts';
import { callWithPolicy, GONE } from './call-with-policy.ts';
import type { GmailCall } from './quota-profile.ts';

export interface ListedMessage {
  id: string;
  threadId: string;
}

export interface MessagePage {
  messages: ListedMessage[];
  nextPageToken: string | null;
}

export type HistoryPage = gmail_v1.Schema$ListHistoryResponse;

type GmailLibrary = typeof import('@googleapis/gmail');
let library: GmailLibrary | null = null;

/**
 * The Gmail client library, loaded when the first sync makes a client: loading it costs about
 * 26 MB of memory, which an engine that only imports or reports never needs.
 */
function gmailLibrary(): GmailLibrary {
  library ??= createRequire(import.meta.url)('@googleapis/gmail') as GmailLibrary;
  return library;
}

export class GmailClient {
  readonly #context: CallContext;
  readonly #api: gmail_v1.Gmail;

  constructor(context: CallContext) {
    this.#context = context;
    this.#api = new (gmailLibrary().gmail_v1.Gmail)({
      rootUrl: context.rootUrl,
      retry: false,
      retryConfig: { retry: 0 },
    });
  }

  async getProfile(): Promise<{ historyId: string; messagesTotal: number }> {
    const profile = await this.#call('getProfile', (options) =>
      this.#api.users.getProfile({ userId: 'me' }, options),
    );
    if (profile === GONE) throw fatalCallError('the profile request', 404, 'not found');
    return { historyId: profile.historyId ?? '0', messagesTotal: profile.messagesTotal ?? 0 };
  }

  /** The label's message count, or 0 when the mailbox has no such label. */
  async labelMessagesTotal(labelId: string): Promise<number> {
    const label = await this.#call('labels.get', (options) =>
      this.#api.users.labels.get({ userId: 'me', id: labelId }, options),
    );
    return label === GONE ? 0 : (label.messagesTotal ?? 0);
  }

  async listMessages(pageToken: string | null, includeSpamTrash: boolean): Promise<MessagePage> {
    const page = await this.#call('messages.list', (options) =>
      this.#api.users.messages.list(
        { userId: 'me', maxResults: 500, includeSpamTrash, ...(pageToken === null ? {} : { pageToken }) },
        options,
      ),
    );
    if (page === GONE) throw fatalCallError('the message listing', 404, 'not found');
    return {
      messages: (page.messages ?? []).map((m) => ({ id: m.id ?? '', threadId: m.threadId ?? m.id ?? '' })),
      nextPageToken: page.nextPageToken ?? null,
    };
  }

  /** One page of history, or null when the start id is too old to replay (404: run a full sync). */
  async listHistory(startHistoryId: string, pageToken: string | null): Promise<HistoryPage | null> {
    const page = await this.#call('history.list', (options) =>
      this.#api.users.history.list(
        {
          userId: 'me',
          startHistoryId,
          maxResults: 500,
          historyTypes: ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'],
          ...(pageToken === null ? {} : { pageToken }),
        },
        options,
      ),
    );
    return page === GONE ? null : page;
  }

  /** One call through the sync's call-with-policy loop; `GONE` when Gmail answered 404. */
  async #call<T>(
    name: GmailCall,
    run: (options: {
      headers: Record<string, string>;
      signal: AbortSignal;
      fetchImplementation: typeof fetch;
    }) => Promise<{ data: T }>,
  ): Promise<T | typeof GONE> {
    const signal = this.#context.signal;
    const answers = await callWithPolicy<T>(this.#context, [{ call: name, what: name }], async (token) => {
      // Node's own fetch, as the batches use: left to itself the client's HTTP layer (gaxios)
      // imports node-fetch on its first call, 10–35 ms of CPU before the sync's first request.
      const response = await run({
        headers: { Authorization: `Bearer ${token}` },
        signal,
        fetchImplementation: fetch,
      });
      return [{ ok: true, body: response.data }];
    });
    return answers[0]!;
  }
}
