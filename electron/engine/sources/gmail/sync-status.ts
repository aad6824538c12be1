/**
 * The account's sync state (docs/sync.md "Quota, retries, errors": idle | syncing |
 * waiting-for-quota | offline | needs-reconnect | error), stored on the account and pushed as
 * `sync-state` when it changes.
 */
import type { SyncState } from '../../../../shared/domain.ts';
import { toSerializedError } from '../../../../shared/errors.ts';
import type { EngineServices } from '../../engine.ts';

export class SyncStatus {
  readonly #services: EngineServices;
  readonly #accountId: number;
  #state: SyncState | null = null;
  #detail: string | null = null;

  constructor(services: EngineServices, accountId: number) {
    this.#services = services;
    this.#accountId = accountId;
  }

  set(state: SyncState, detail: string | null = null): void {
    if (state === this.#state && detail === this.#detail) return;
    this.#state = state;
    this.#detail = detail;
    this.#services.accounts.setSyncState(this.#accountId, state);
    this.#services.events.emit('sync-state', { accountId: this.#accountId, state, detail });
  }

  /** The state a failed attempt leaves: reconnect, offline, waiting for quota, idle when stopped, else error. */
  failed(error: unknown): void {
    const { code, message } = toSerializedError(error);
    if (code === 'AUTH_REQUIRED') this.set('needs-reconnect', message);
    else if (code === 'NETWORK') this.set('offline', message);
    else if (code === 'RATE_LIMITED') this.set('waiting-for-quota', message);
    else if (code === 'CANCELLED') this.set('idle');
    else this.set('error', message);
  }
}
