/**
 * Gmail's per-user quota for each profile an account may be on (`2026`, `legacy`: docs/sync.md
 * "Quota, retries, errors"): units per minute and per-method costs.
 */
import type { QuotaProfile } from '../../../../shared/domain.ts';

export type GmailCall =
  | 'getProfile'
  | 'labels.get'
  | 'messages.list'
  | 'messages.get'
  | 'threads.get'
  | 'history.list';

export interface QuotaCosts {
  unitsPerMinute: number;
  costs: Record<GmailCall, number>;
}

export const QUOTA_COSTS: Record<QuotaProfile, QuotaCosts> = {
  '2026': {
    unitsPerMinute: 6000,
    costs: {
      getProfile: 1,
      'labels.get': 1,
      'messages.list': 5,
      'messages.get': 20,
      'threads.get': 40,
      'history.list': 2,
    },
  },
  legacy: {
    unitsPerMinute: 15_000,
    costs: {
      getProfile: 1,
      'labels.get': 1,
      'messages.list': 5,
      'messages.get': 5,
      'threads.get': 10,
      'history.list': 2,
    },
  },
};

/** The units one thread costs at best: k gets or one threads.get, whichever is cheaper. */
export function optimalThreadUnits(profile: QuotaProfile, messagesInThread: number): number {
  const { costs } = QUOTA_COSTS[profile];
  return Math.min(messagesInThread * costs['messages.get'], costs['threads.get']);
}
