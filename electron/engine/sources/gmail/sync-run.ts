/**
 * One sync job's working set: the account, its Gmail client under the account's quota profile,
 * progress and state reporting, and the one way fetched messages are stored (through the mail
 * model's `factsFromGmail`, one transaction per batch, published as they land).
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { AccountSettings, QuotaProfile } from '../../../../shared/domain.ts';
import { BriefError } from '../../../../shared/errors.ts';
import { formatCount as count, counted } from '../../../../shared/plural.ts';
import type { StoredAccount } from '../../cache/account-service.ts';
import type { LearnedQuota } from '../../cache/learned-quota.ts';
import type { CacheItem } from '../../cache/message-cache-service.ts';
import type { EngineServices } from '../../engine.ts';
import { factsFromGmail, type GmailMessageResource } from '../../mail/index.ts';
import type { JobContext } from '../../runner/job-runner.ts';
import { AccessTokens } from './access-tokens.ts';
import type { CallContext } from './call-context.ts';
import { DataPublisher } from './data-publisher.ts';
import { planFetches } from './fetch-plan.ts';
import { GmailClient, type ListedMessage } from './gmail-client.ts';
import { QuotaDiscovery } from './quota-discovery.ts';
import { QuotaPacer } from './quota-pacer.ts';
import { runRequests, type StoreOrder } from './request-runner.ts';
import { RetryPolicy } from './retry-policy.ts';
import { Slots } from './slots.ts';
import type { GmailSyncOptions } from './sync-options.ts';
import { SyncReport } from './sync-report.ts';
import { SyncStatus } from './sync-status.ts';

export const PROVIDER_GMAIL = 'gmail';

const HIDDEN_LABELS = ['SPAM', 'TRASH'];

/** A found quota is trusted for a week, then found again (a ceiling can also rise). */
const LEARNED_QUOTA_TTL_MS = 7 * 24 * 3600 * 1000;

function freshLearned(learned: LearnedQuota | null, now: number): QuotaProfile | null {
  if (learned === null) return null;
  return now - Date.parse(learned.learnedAt) < LEARNED_QUOTA_TTL_MS ? learned.profile : null;
}

export class SyncRun {
  readonly services: EngineServices;
  readonly job: JobContext;
  readonly options: GmailSyncOptions;
  readonly account: StoredAccount;
  readonly settings: AccountSettings;
  readonly calls: CallContext;
  readonly client: GmailClient;
  readonly status: SyncStatus;
  readonly publisher: DataPublisher;
  /** Messages stored cut or skipped (values past the limits), by Gmail id. */
  readonly report: SyncReport;
  /** Messages in the cache for this account, once counted (`stored`). */
  #stored: number | null = null;
  /** Messages this run stored. */
  #added = 0;
  /**
   * What progress counts: the messages stored, or (an incremental sync) the ones this run added,
   * so nothing on its way to `data-changed` counts the whole cache (≈ 30 ms of CPU at 1,000,000
   * stored, and far longer from a cold disk).
   */
  progressCounts: 'stored' | 'added' = 'stored';
  total: number | null = null;

  constructor(services: EngineServices, job: JobContext, options: GmailSyncOptions) {
    if (job.job.accountId === null) {
      throw new BriefError(
        'VALIDATION',
        'This sync job names no account; start the sync from the account again.',
      );
    }
    const provider = services.tokenProvider;
    this.services = services;
    this.job = job;
    this.options = options;
    this.account = services.accounts.getAccount(job.job.accountId);
    if (provider === null) {
      throw new BriefError(
        'AUTH_REQUIRED',
        `Reconnect ${this.account.address}: 360Brief has no access to it yet.`,
      );
    }
    this.settings = this.account.settings;
    this.status = new SyncStatus(services, this.account.id);
    this.report = new SyncReport(job);
    this.publisher = new DataPublisher(
      services,
      this.account.id,
      options.rederiveIntervalMs,
      job.job.type === 'fetch_messages',
    );
    const { learnedQuota } = services.accounts;
    const discovery = new QuotaDiscovery({
      setting: this.settings.quotaProfile,
      learned: freshLearned(learnedQuota.get(this.account.id, this.account.address), options.now()),
      remember: (profile) => {
        learnedQuota.set(this.account.id, this.account.address, {
          profile,
          learnedAt: new Date(options.now()).toISOString(),
        });
        job.logger.info('Gmail quota found', { accountId: this.account.id, profile });
      },
    });
    const onQuotaWait = (waitMs: number) => this.#waiting(waitMs);
    const slots = new Slots(options.maxInFlight);
    this.calls = {
      rootUrl: options.rootUrl,
      address: this.account.address,
      quota: discovery.quota,
      pacer: new QuotaPacer({
        margin: options.quotaMargin,
        burstFraction: options.burstFraction,
        timeScale: options.timeScale,
        now: options.now,
        sleep: options.sleep,
        onWait: onQuotaWait,
        discovery,
      }),
      slots,
      policy: new RetryPolicy({
        tries: options.callTries,
        timeScale: options.timeScale,
        random: services.random,
        now: options.now,
      }),
      tokens: new AccessTokens(provider, this.account, options.now),
      signal: job.signal,
      now: options.now,
      sleep: options.sleep,
      onQuotaWait,
    };
    this.client = new GmailClient(this.calls);
  }

  /**
   * Messages in the cache for this account, counted when first asked for (in an index; the whole
   * cache statistics read every row). Counted at the start, it held `history.list` back by ≈ 30 ms
   * of CPU at 1,000,000 stored.
   */
  get stored(): number {
    this.#stored ??= this.services.messages.countMessages(this.account.id);
    return this.#stored;
  }

  /** Messages stored (+) or dropped (−) since: a count made later sees them itself. */
  storedChanged(delta: number): void {
    if (delta > 0) this.#added += delta;
    if (this.#stored !== null) this.#stored += delta;
  }

  /** Whether a message with these labels belongs in the cache under the account's settings. */
  keeps(labels: readonly string[] | null | undefined): boolean {
    return this.settings.includeSpamTrash || !(labels ?? []).some((label) => HIDDEN_LABELS.includes(label));
  }

  /** Which of these ids are not yet stored. */
  uncached(messages: readonly ListedMessage[]): ListedMessage[] {
    if (messages.length === 0) return [];
    const cached = this.services.messages.checkCached(
      this.account.id,
      PROVIDER_GMAIL,
      messages.map((m) => m.id),
    );
    return messages.filter((m) => !cached.has(m.id));
  }

  /**
   * Fetches these messages by the cheapest plan and stores them in the given order (`StoreOrder`);
   * returns the ones held back.
   */
  async fetch(
    candidates: readonly ListedMessage[],
    order: StoreOrder,
    deferrable?: ReadonlySet<string>,
  ): Promise<ListedMessage[]> {
    const plan = planFetches(candidates, this.calls.quota, deferrable);
    const asked = new Set(candidates.map((message) => message.id));
    await runRequests(
      this.calls,
      plan.requests,
      this.options.batchesInFlight,
      (messages) => this.store(this.#leaveStored(messages, asked)),
      order,
    );
    return plan.deferred;
  }

  /**
   * Drops the messages a `threads.get` brought along that were not asked for and are stored
   * already: their facts do not change, and their label changes come through history. An
   * incremental sync's threads bring ≈ 3 stored messages for each new one, which cost as much to
   * parse and write again as the new ones.
   */
  #leaveStored(resources: gmail_v1.Schema$Message[], asked: ReadonlySet<string>): gmail_v1.Schema$Message[] {
    const unasked = resources.flatMap((resource) =>
      resource.id && !asked.has(resource.id) ? [resource.id] : [],
    );
    if (unasked.length === 0) return resources;
    const stored = this.services.messages.checkCached(this.account.id, PROVIDER_GMAIL, unasked);
    return resources.filter((resource) => !stored.has(resource.id ?? ''));
  }

  /**
   * One transaction for what came back; then progress and (throttled) re-derivation. A message
   * past the limits is stored cut or skipped and reported: the sync moves past it either way.
   */
  store(resources: gmail_v1.Schema$Message[]): void {
    const items: CacheItem[] = [];
    for (const resource of resources) {
      if (!resource.id || !this.keeps(resource.labelIds)) continue;
      const facts = factsFromGmail(resource as GmailMessageResource);
      items.push(
        this.settings.keepRawData ? { facts, raw: Buffer.from(JSON.stringify(resource)) } : { facts },
      );
    }
    if (items.length === 0) return;
    const { inserted, updated, reported } = this.services.messages.cacheBulk(
      this.account.id,
      PROVIDER_GMAIL,
      items,
    );
    this.report.add(reported);
    this.storedChanged(inserted);
    if (inserted + updated > 0) this.publisher.stored();
    this.status.set('syncing');
    this.progress();
  }

  progress(step?: string, force = false): void {
    if (this.progressCounts === 'added') {
      const text = step ?? `Fetching new messages: ${count(this.#added)} stored`;
      this.job.progress(this.#added, null, text, { force });
      return;
    }
    const text =
      step ??
      (this.total === null
        ? `Fetching messages: ${count(this.stored)} stored`
        : `Fetching ${count(Math.min(this.stored, this.total))} of ${counted(this.total, 'message')}`);
    this.job.progress(this.stored, this.total, text, { force });
  }

  /** The end of a sync: re-derive, publish, warm the common views, back to idle. */
  async finish(historyId: string): Promise<void> {
    this.services.accounts.setHistoryId(this.account.id, historyId);
    this.services.accounts.markSynced(this.account.id, this.services.clock());
    this.progress('Working out threads and directions', true);
    // Only what was stored since the last publish: an incremental sync of one batch derives once.
    this.publisher.flush();
    await this.services.warmAnalytics(this.account.id);
    this.status.set('idle');
  }

  #waiting(waitMs: number): void {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const text = `Waiting for Gmail quota (resumes in ${seconds} s)`;
    this.status.set('waiting-for-quota', text);
    this.progress(text, true);
  }
}
