/**
 * The Gmail quota profile a sync found for an account by itself (docs/sync.md "Quota, retries,
 * errors": the engine discovers the ceiling when the account's setting is `auto`), kept in the
 * `settings` table under `gmail-quota:<account id>` with the address, so a reused id never inherits
 * another's quota.
 */
import { QUOTA_PROFILES, type QuotaProfile } from '../../../shared/domain.ts';
import type { Store } from '../db/store.ts';

export interface LearnedQuota {
  profile: QuotaProfile;
  /** When it was found (ISO time). */
  learnedAt: string;
}

const keyOf = (accountId: number) => `gmail-quota:${accountId}`;

export class LearnedQuotaStore {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  get(accountId: number, address: string): LearnedQuota | null {
    const row = this.#store
      .prepare<{ value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(keyOf(accountId));
    if (row === undefined) return null;
    try {
      const stored = JSON.parse(row.value) as Partial<LearnedQuota> & { address?: string };
      if (stored.address !== address.toLowerCase()) return null;
      if (!QUOTA_PROFILES.includes(stored.profile as QuotaProfile) || typeof stored.learnedAt !== 'string')
        return null;
      return { profile: stored.profile as QuotaProfile, learnedAt: stored.learnedAt };
    } catch {
      // Written by a damaged or newer build: found again on the next sync.
      return null;
    }
  }

  /** Remembers what was found, or forgets it (null) when rate-limit errors said it changed. */
  set(accountId: number, address: string, learned: LearnedQuota | null): void {
    if (learned === null) {
      this.forget(accountId);
      return;
    }
    this.#store
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(keyOf(accountId), JSON.stringify({ address: address.toLowerCase(), ...learned }));
  }

  forget(accountId: number): void {
    this.#store.prepare('DELETE FROM settings WHERE key = ?').run(keyOf(accountId));
  }
}
