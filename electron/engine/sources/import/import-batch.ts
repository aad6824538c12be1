/**
 * What an import has read but not yet written: new messages, label changes of messages already
 * stored (a later copy of them was read), and stored messages a later copy proved to be
 * duplicates of an earlier one. All of it is written in one transaction per flush, so copies
 * cost nothing extra however they fall across batches.
 */
import type { CacheItem, MessageCacheService } from '../../cache/message-cache-service.ts';
import type { ProvisionalDerivation } from '../../cache/provisional-derivation.ts';
import type { Store } from '../../db/store.ts';
import type { MergeResult } from '../../mail/index.ts';
import type { ImportDerivation } from './import-derivation.ts';

export class ImportBatch {
  readonly #store: Store;
  readonly #messages: MessageCacheService;
  readonly #accountId: number;
  readonly #provider: string;
  readonly #provisional: ProvisionalDerivation;
  readonly #following: ImportDerivation | null;
  /** Insertion-ordered, keyed by provider id, so a later copy can merge into or remove a pending row. */
  #fresh = new Map<string, CacheItem>();
  #labels = new Map<string, string[]>();
  #deletes = new Set<string>();

  /**
   * `provisional`: the derivation new reconstructed messages are stored with until the account is
   * derived; `following`: the import's own derivation of the account, told of every write.
   */
  constructor(
    store: Store,
    messages: MessageCacheService,
    target: {
      accountId: number;
      provider: string;
      provisional: ProvisionalDerivation;
      following?: ImportDerivation;
    },
  ) {
    this.#store = store;
    this.#messages = messages;
    this.#accountId = target.accountId;
    this.#provider = target.provider;
    this.#provisional = target.provisional;
    this.#following = target.following ?? null;
  }

  get size(): number {
    return this.#fresh.size + this.#labels.size + this.#deletes.size;
  }

  add(item: CacheItem): void {
    this.#fresh.set(item.facts.providerId, item);
  }

  merge(merged: Extract<MergeResult, { kind: 'merged' }>): void {
    const pending = this.#fresh.get(merged.intoProviderId);
    if (pending) pending.facts = { ...pending.facts, labels: merged.labels };
    else this.#labels.set(merged.intoProviderId, merged.labels);
    for (const id of merged.absorbedProviderIds) {
      this.#labels.delete(id);
      if (!this.#fresh.delete(id)) this.#deletes.add(id);
    }
  }

  /** Writes everything pending in one transaction; returns whether anything was written. */
  flush(): boolean {
    if (this.size === 0) return false;
    const fresh = [...this.#fresh.values()];
    const labels = [...this.#labels];
    const deletes = [...this.#deletes];
    this.#fresh = new Map();
    this.#labels = new Map();
    this.#deletes = new Set();
    const following = this.#following;
    this.#store.transaction(() => {
      following?.beforeWrite();
      // Fitted by the reader (import-items.ts): not checked a second time.
      if (fresh.length > 0)
        this.#messages.cacheFitted(this.#accountId, this.#provider, fresh, this.#provisional);
      if (labels.length > 0)
        this.#messages.updateLabelsOf(this.#accountId, this.#provider, labels, following?.relabelled);
      if (deletes.length > 0) {
        following?.abandon();
        this.#messages.deleteMessages(this.#accountId, this.#provider, deletes);
      }
      following?.afterWrite();
    });
    return true;
  }
}
