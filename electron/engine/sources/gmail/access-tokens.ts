/**
 * The sync's view of the token provider: the current access token, kept until shortly before it
 * expires. Several batches are in flight at once and can be refused together, or answered after a
 * refresh ended, so the state is decided synchronously and the rules hold for any interleaving:
 * a token Gmail refused is never handed out again (even when the provider, asked without force,
 * still has it cached, as after a refresh that failed); one request to the provider at a time
 * serves every waiter; and a refusal to refresh that needs the person (AUTH_REQUIRED) ends every
 * later call with that same sentence, without asking again.
 */

import { BriefError } from '../../../../shared/errors.ts';
import type { TokenProvider } from '../../auth/token-provider.ts';
import { reconnectError } from './call-context.ts';

const EARLY_MS = 60_000;

interface Token {
  accessToken: string;
  expiresAt: number;
}

export class AccessTokens {
  readonly #provider: TokenProvider;
  readonly #account: { id: number; address: string };
  readonly #now: () => number;
  #token: Token | null = null;
  #asking: Promise<void> | null = null;
  readonly #refused = new Set<string>();
  /** Tokens Gmail let past its credential check at least once (see `accepted`). */
  readonly #accepted = new Set<string>();
  #failure: BriefError | null = null;

  constructor(provider: TokenProvider, account: { id: number; address: string }, now: () => number) {
    this.#provider = provider;
    this.#account = account;
    this.#now = now;
  }

  /** A token to send now: the current one, or one asked for (a refresh when the current was refused). */
  async get(): Promise<string> {
    let asked = false;
    let forced = false;
    for (;;) {
      if (this.#asking !== null) {
        asked = true;
        await this.#asking;
        continue;
      }
      if (this.#failure !== null) throw this.#failure;
      const token = this.#token;
      const refused = token !== null && this.#refused.has(token.accessToken);
      // A token just asked for is taken even when it expires within the margin: asking again would not help.
      if (token !== null && !refused && (asked || token.expiresAt - EARLY_MS > this.#now()))
        return token.accessToken;
      // Forced, the provider still answered a token Gmail had refused: nothing this sync can do.
      if (refused && forced) throw reconnectError(this.#account.address);
      forced ||= refused;
      this.#ask(refused);
    }
  }

  /** Gmail answered 401 to `rejected`: a new token unless a newer one is already here or on its way. */
  async refreshAfterRejection(rejected: string): Promise<void> {
    this.#refused.add(rejected);
    await this.get();
  }

  /**
   * Gmail answered a call sent with `token` past its credential check (an answer, a 404, a quota
   * refusal): the token was good then. A later 401 to it means it expired (a long quota wait can
   * outlast a token), not that refreshing cannot help.
   */
  accepted(token: string): void {
    this.#accepted.add(token);
  }

  wasAccepted(token: string): boolean {
    return this.#accepted.has(token);
  }

  #ask(forceRefresh: boolean): void {
    const asking = this.#provider
      .getAccessToken(this.#account, forceRefresh ? { forceRefresh } : undefined)
      .then(
        (token) => {
          this.#token = token;
        },
        (error: unknown) => {
          if (error instanceof BriefError && error.code === 'AUTH_REQUIRED') this.#failure = error;
          throw error;
        },
      )
      .finally(() => {
        if (this.#asking === asking) this.#asking = null;
      });
    this.#asking = asking;
  }
}
