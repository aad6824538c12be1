/**
 * Access tokens under several batches in flight (sources/gmail/access-tokens.ts through
 * callWithPolicy): the real slots, pacer, retry policy and AccessTokens on virtual time, Gmail's
 * answers scripted part by part, and a token source that behaves as the TokenProvider contract
 * allows: it answers from its cache unless forced, and every forced ask is a refresh of its own
 * (the worker's channel to the main thread shares nothing). Whatever the interleaving, a token
 * Gmail refused is never sent again, one refresh serves every batch refused together, and a
 * refused grant ends every batch with the same sentence after one ask.
 */
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../electron/engine/sources/gmail/access-tokens.ts';
import type { CallContext } from '../../electron/engine/sources/gmail/call-context.ts';
import {
  callWithPolicy,
  type PartAnswer,
  type PolicyCall,
} from '../../electron/engine/sources/gmail/call-with-policy.ts';
import { classifyResponse } from '../../electron/engine/sources/gmail/gmail-errors.ts';
import { QuotaDiscovery } from '../../electron/engine/sources/gmail/quota-discovery.ts';
import { QuotaPacer } from '../../electron/engine/sources/gmail/quota-pacer.ts';
import { RetryPolicy } from '../../electron/engine/sources/gmail/retry-policy.ts';
import { Slots } from '../../electron/engine/sources/gmail/slots.ts';
import { BriefError } from '../../shared/errors.ts';

const START = Date.parse('2026-05-01T09:00:00.000Z');
const ADDRESS = 'me@example.com';

/** What a forced refresh answers: a new token, or this error. */
type Refresh = 'ok' | BriefError;

function world(refreshes: Refresh[]) {
  let clock = START;
  const now = () => clock;
  const sleep = async (ms: number) => {
    clock += ms;
  };
  const asks: Array<'cached' | 'forced'> = [];
  let issued = 0;
  let cached: { accessToken: string; expiresAt: number } | null = null;
  const provider = {
    getAccessToken: async (
      _account: { id: number; address: string },
      request?: { forceRefresh?: boolean },
    ) => {
      const forced = request?.forceRefresh ?? false;
      asks.push(forced ? 'forced' : 'cached');
      if (!forced && cached !== null) return cached;
      const outcome = forced ? (refreshes.shift() ?? 'ok') : 'ok';
      if (outcome !== 'ok') throw outcome;
      cached = { accessToken: `token-${++issued}`, expiresAt: clock + 3_600_000 };
      return cached;
    },
  };
  const discovery = new QuotaDiscovery({ setting: 'legacy', learned: null, remember: () => {} });
  const context: CallContext = {
    rootUrl: 'http://gmail.invalid',
    address: ADDRESS,
    quota: discovery.quota,
    pacer: new QuotaPacer({ margin: 0.99, burstFraction: 0.03, timeScale: 1, now, sleep, discovery }),
    slots: new Slots(40),
    policy: new RetryPolicy({ tries: 8, timeScale: 1, random: () => 0.5, now }),
    tokens: new AccessTokens(provider, { id: 1, address: ADDRESS }, now),
    signal: new AbortController().signal,
    now,
    sleep,
    onQuotaWait: () => {},
  };
  /** Every request sent, in order: which batch, with which token, and whether Gmail refused it. */
  const sent: Array<{ batch: string; token: string; refused: boolean }> = [];
  /** A batch whose n-th send is answered by `rounds[n]` for all its parts (the last one after). */
  const batch = (name: string, parts: number, rounds: Array<number | 'ok'>) => {
    let round = 0;
    const calls: PolicyCall[] = Array.from({ length: parts }, (_, index) => ({
      call: 'messages.get',
      what: `${name} message ${index}`,
    }));
    return callWithPolicy<string>(context, calls, async (token, positions) => {
      const status = rounds[Math.min(round++, rounds.length - 1)]!;
      sent.push({ batch: name, token, refused: status === 401 });
      return positions.map((position): PartAnswer<string> => {
        if (status === 'ok') return { ok: true, body: `${name}${position}` };
        const body = { error: { code: status, message: `HTTP ${status}`, errors: [{ reason: '' }] } };
        return { ok: false, failure: classifyResponse(status, body, undefined, now()) };
      });
    });
  };
  /** Tokens sent after Gmail had refused them. */
  const refusedThenSent = () => {
    const refused = new Set<string>();
    const again: string[] = [];
    for (const request of sent) {
      if (refused.has(request.token)) again.push(`${request.batch}:${request.token}`);
      if (request.refused) refused.add(request.token);
    }
    return again;
  };
  return { batch, asks, sent, refusedThenSent };
}

const revoked = () =>
  new BriefError('AUTH_REQUIRED', `Reconnect ${ADDRESS}: Google revoked or expired its sign-in.`);

describe('access tokens with several batches in flight', () => {
  it('refreshes once for batches refused together, and sends each again with the new token', async () => {
    const { batch, asks, sent } = world([]);
    const answers = await Promise.all([batch('a', 2, [401, 'ok']), batch('b', 2, [401, 'ok'])]);
    expect(answers).toEqual([
      ['a0', 'a1'],
      ['b0', 'b1'],
    ]);
    expect(asks).toEqual(['cached', 'forced']);
    // Both were in flight with token-1 when the first refusal came back.
    expect(
      sent.map((request) => `${request.batch}:${request.token}${request.refused ? ' refused' : ''}`),
    ).toEqual(['a:token-1 refused', 'b:token-1 refused', 'a:token-2', 'b:token-2']);
  });

  it('never sends the refused token again after a refresh failed, even where the source still caches it', async () => {
    const unreachable = new BriefError(
      'NETWORK',
      'Google sign-in is unavailable (HTTP 503). Try again shortly.',
    );
    const { batch, asks, refusedThenSent } = world([unreachable]);
    await expect(batch('a', 1, [401, 'ok'])).rejects.toBe(unreachable);
    // Another batch of the same sync, answered after the failed refresh, goes on with a new token.
    expect(await batch('b', 1, ['ok'])).toEqual(['b0']);
    expect(refusedThenSent()).toEqual([]);
    expect(asks).toEqual(['cached', 'forced', 'forced']);
  });

  it('ends every batch with the one reconnect sentence after a single ask when the grant is refused', async () => {
    const { batch, asks, sent } = world([revoked()]);
    const outcomes = await Promise.allSettled([batch('a', 2, [401, 'ok']), batch('b', 2, [401, 'ok'])]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason.message)).toEqual([
      `Reconnect ${ADDRESS}: Google revoked or expired its sign-in.`,
      `Reconnect ${ADDRESS}: Google revoked or expired its sign-in.`,
    ]);
    // A batch of the same sync that comes later sends nothing and asks for nothing.
    await expect(batch('c', 1, ['ok'])).rejects.toThrow(`Reconnect ${ADDRESS}: Google revoked`);
    expect(asks).toEqual(['cached', 'forced']);
    expect(sent.map((request) => `${request.batch}:${request.token}`)).toEqual(['a:token-1', 'b:token-1']);
  });
});
