/**
 * What every Gmail call of one sync shares: the account's quota bucket, the concurrency slots,
 * the retry budget rules, the access tokens, the job's signal and the injectable time.
 */
import { BriefError } from '../../../../shared/errors.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { Sleep } from './cancellation.ts';
import type { QuotaPacer } from './quota-pacer.ts';
import type { QuotaCosts } from './quota-profile.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { Slots } from './slots.ts';

export interface CallContext {
  rootUrl: string;
  address: string;
  quota: QuotaCosts;
  pacer: QuotaPacer;
  slots: Slots;
  policy: RetryPolicy;
  tokens: AccessTokens;
  signal: AbortSignal;
  now: () => number;
  sleep: Sleep;
  /** A wait for quota the user should hear about. */
  onQuotaWait(waitMs: number): void;
}

export function reconnectError(address: string): BriefError {
  return new BriefError(
    'AUTH_REQUIRED',
    `Reconnect ${address}: Gmail no longer accepts 360Brief's access. Sign in again with Connect Gmail in the app, or \`brief connect\` in a terminal.`,
  );
}

export function fatalCallError(what: string, status: number, message: string): BriefError {
  return new BriefError(
    status === 403 ? 'AUTH_REQUIRED' : 'INTERNAL',
    status === 403
      ? `Gmail refused ${what} (${message}). Reconnect the account and allow the access 360Brief asks for.`
      : `Gmail answered ${what} with an error (${status}: ${message}). Try again later.`,
  );
}
