/**
 * Single Gmail calls through the official client (`@googleapis/gmail`, its own retry off) under
 * the sync's pacing and retry rules: profile, label totals, message listing and history.
 */
import { createRequire } from 'node:module';
import type { gmail_v1 } from '@googleapis/gmail';
import { type CallContext, fatalCallError, reconnectError } from './call-context.ts';
import { cancelledError, throwIfAborted } from './cancellation.ts';
import { classifyThrown } from './gmail-errors.ts';
import type { PartCharge, Spend } from './quota-pacer.ts';
import type { GmailCall } from './quota-profile.ts';
import { freshBudget } from './retry-policy.ts';

export interface ListedMessage {
  id: string;
  threadId: string;
}

export interface MessagePage {
  messages: ListedMessage[];
  nextPageToken: string | null;
}

export type HistoryPage = gmail_v1.Schema$ListHistoryResponse;

const NOT_FOUND = Symbol('not found');

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
    if (profile === NOT_FOUND) throw fatalCallError('the profile request', 404, 'not found');
    return { historyId: profile.historyId ?? '0', messagesTotal: profile.messagesTotal ?? 0 };
  }

  /** The label's message count, or 0 when the mailbox has no such label. */
  async labelMessagesTotal(labelId: string): Promise<number> {
    const label = await this.#call('labels.get', (options) =>
      this.#api.users.labels.get({ userId: 'me', id: labelId }, options),
    );
    return label === NOT_FOUND ? 0 : (label.messagesTotal ?? 0);
  }

  async listMessages(pageToken: string | null, includeSpamTrash: boolean): Promise<MessagePage> {
    const page = await this.#call('messages.list', (options) =>
      this.#api.users.messages.list(
        { userId: 'me', maxResults: 500, includeSpamTrash, ...(pageToken === null ? {} : { pageToken }) },
        options,
      ),
    );
    if (page === NOT_FOUND) throw fatalCallError('the message listing', 404, 'not found');
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
    return page === NOT_FOUND ? null : page;
  }

  async #call<T>(
    name: GmailCall,
    run: (options: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{ data: T }>,
  ): Promise<T | typeof NOT_FOUND> {
    const context = this.#context;
    const budget = freshBudget();
    let refreshed = false;
    for (;;) {
      // The slot first and quota last, so a call counted in a quota window goes out at once.
      await context.slots.take(1, context.signal);
      let spend: Spend;
      try {
        spend = await context.pacer.acquire([name], context.signal);
      } catch (error) {
        context.slots.give(1);
        throw error;
      }
      let token = '';
      let failure: ReturnType<typeof classifyThrown>;
      let charge: PartCharge = 'free';
      try {
        token = await context.tokens.get();
        charge = 'unknown';
        const response = await run({ headers: { Authorization: `Bearer ${token}` }, signal: context.signal });
        charge = 'answered';
        return response.data;
      } catch (error) {
        if (context.signal.aborted) throw cancelledError(context.signal);
        if (charge === 'free') throw error;
        failure = classifyThrown(error, context.now());
        if (failure.kind === 'notFound') charge = 'answered';
        if (failure.kind === 'quota' || failure.kind === 'auth') charge = 'free';
      } finally {
        context.slots.give(1);
        spend.settle(charge);
      }
      if (failure.kind === 'notFound') return NOT_FOUND;
      if (failure.kind === 'fatal') throw fatalCallError(name, failure.status, failure.message);
      if (failure.kind === 'auth') {
        if (refreshed) throw reconnectError(context.address);
        refreshed = true;
        await context.tokens.refreshAfterRejection(token);
        continue;
      }
      refreshed = false;
      const decision = context.policy.decide(failure, budget);
      if (decision.until !== null) {
        context.pacer.pauseUntil(decision.until);
        continue;
      }
      if (failure.kind === 'quota') context.onQuotaWait(decision.waitMs);
      await context.sleep(decision.waitMs, context.signal);
      throwIfAborted(context.signal);
    }
  }
}
