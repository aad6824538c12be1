/**
 * The sync's view of the token provider: the current access token, kept until shortly before it
 * expires, and one shared refresh when Gmail rejects it (many parts of many batches can see the
 * same 401 at once; only the first one asks for a new token).
 */
import type { TokenProvider } from '../../auth/token-provider.ts';

const EARLY_MS = 60_000;

export class AccessTokens {
  readonly #provider: TokenProvider;
  readonly #account: { id: number; address: string };
  readonly #now: () => number;
  #current: Promise<{ accessToken: string; expiresAt: number }> | null = null;

  constructor(provider: TokenProvider, account: { id: number; address: string }, now: () => number) {
    this.#provider = provider;
    this.#account = account;
    this.#now = now;
  }

  async get(): Promise<string> {
    if (this.#current !== null) {
      const token = await this.#current;
      if (token.expiresAt - EARLY_MS > this.#now()) return token.accessToken;
    }
    return (await this.#fetch(false)).accessToken;
  }

  /** Gmail answered 401 to `rejected`: get a new token unless someone already did. */
  async refreshAfterRejection(rejected: string): Promise<void> {
    const current = this.#current === null ? null : await this.#current.catch(() => null);
    if (current !== null && current.accessToken !== rejected) return;
    await this.#fetch(true);
  }

  #fetch(forceRefresh: boolean): Promise<{ accessToken: string; expiresAt: number }> {
    const pending = this.#provider.getAccessToken(this.#account, forceRefresh ? { forceRefresh } : undefined);
    this.#current = pending;
    pending.catch(() => {
      if (this.#current === pending) this.#current = null;
    });
    return pending;
  }
}
