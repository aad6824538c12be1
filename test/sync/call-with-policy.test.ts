/**
 * The one loop every Gmail call goes through (sources/gmail/call-with-policy.ts), on its own: the
 * real slots, quota pacer, retry policy and access tokens on virtual time, with Gmail's answers
 * scripted part by part (Gmail is the one part that cannot exist here). The emulator's fault and
 * quota runs cover the same loop end to end; these say exactly which parts are sent again, with
 * which token, after which wait, and which sentence ends a call.
 */
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../electron/engine/sources/gmail/access-tokens.ts';
import type { CallContext } from '../../electron/engine/sources/gmail/call-context.ts';
import {
  callWithPolicy,
  GONE,
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

/** What one part answers in one round: a body, or an HTTP status with Gmail's error body. */
type Scripted = { body: string } | { status: number; reason?: string; retryAfter?: string } | 'missing';

interface Sent {
  token: string;
  positions: number[];
  at: number;
}

/** A sync's call context on a virtual clock that waits move forward, with a counting token source. */
function world(options: { tries?: number } = {}) {
  let clock = START;
  const waits: number[] = [];
  const tokenRequests: Array<{ forceRefresh: boolean }> = [];
  const controller = new AbortController();
  const now = () => clock;
  const sleep = async (ms: number, signal: AbortSignal) => {
    if (signal.aborted)
      throw new BriefError('CANCELLED', 'The sync was stopped; it resumes from where it left off.');
    waits.push(ms);
    clock += ms;
  };
  const provider = {
    getAccessToken: async (
      _account: { id: number; address: string },
      request?: { forceRefresh?: boolean },
    ) => {
      tokenRequests.push({ forceRefresh: request?.forceRefresh ?? false });
      return { accessToken: `token-${tokenRequests.length}`, expiresAt: clock + 3_600_000 };
    },
  };
  const discovery = new QuotaDiscovery({ setting: 'legacy', learned: null, remember: () => {} });
  const context: CallContext = {
    rootUrl: 'http://gmail.invalid',
    address: 'me@example.com',
    quota: discovery.quota,
    pacer: new QuotaPacer({ margin: 0.99, burstFraction: 0.03, timeScale: 1, now, sleep, discovery }),
    slots: new Slots(40),
    policy: new RetryPolicy({ tries: options.tries ?? 8, timeScale: 1, random: () => 0.5, now }),
    tokens: new AccessTokens(provider, { id: 1, address: 'me@example.com' }, now),
    signal: controller.signal,
    now,
    sleep,
    onQuotaWait: () => {},
  };
  return { context, waits, tokenRequests, controller, now };
}

/**
 * Answers each round from the script: `rounds[n][position]` is what the part at that position
 * answers the n-th time it is sent (its last entry once the script runs out).
 */
function scriptedGmail(rounds: Record<number, Scripted[]>, now: () => number) {
  const sent: Sent[] = [];
  const times = new Map<number, number>();
  const send = async (token: string, positions: readonly number[]) => {
    sent.push({ token, positions: [...positions], at: now() });
    return positions.map((position): PartAnswer<string> | undefined => {
      const script = rounds[position]!;
      const round = times.get(position) ?? 0;
      times.set(position, round + 1);
      const answer = script[Math.min(round, script.length - 1)]!;
      if (answer === 'missing') return undefined;
      if ('body' in answer) return { ok: true, body: answer.body };
      const body = {
        error: {
          code: answer.status,
          message: `HTTP ${answer.status}`,
          errors: [{ reason: answer.reason ?? '' }],
        },
      };
      return { ok: false, failure: classifyResponse(answer.status, body, answer.retryAfter, now()) };
    });
  };
  return { send, sent };
}

const gets = (count: number): PolicyCall[] =>
  Array.from({ length: count }, (_, index) => ({ call: 'messages.get', what: `message ${index}` }));

describe('callWithPolicy', () => {
  it('answers every part in the order asked, in one send when nothing fails', async () => {
    const { context, waits, now } = world();
    const gmail = scriptedGmail({ 0: [{ body: 'a' }], 1: [{ body: 'b' }], 2: [{ body: 'c' }] }, now);
    expect(await callWithPolicy(context, gets(3), gmail.send)).toEqual(['a', 'b', 'c']);
    expect(gmail.sent).toEqual([{ token: 'token-1', positions: [0, 1, 2], at: START }]);
    expect(waits).toEqual([]);
  });

  it('sends again only the parts that failed or were left out of the answer, after a backoff', async () => {
    const { context, waits, now } = world();
    const gmail = scriptedGmail(
      {
        0: [{ body: 'a' }],
        1: [{ status: 503, reason: 'backendError' }, { body: 'b' }],
        2: ['missing', { body: 'c' }],
        3: [{ body: 'd' }],
      },
      now,
    );
    expect(await callWithPolicy(context, gets(4), gmail.send)).toEqual(['a', 'b', 'c', 'd']);
    expect(gmail.sent.map((send) => send.positions)).toEqual([
      [0, 1, 2, 3],
      [1, 2],
    ]);
    // One wait for the round: the first backoff, 1 s + the seeded jitter (0.5 × 1000 ms).
    expect(waits).toEqual([1500]);
  });

  it('takes a 404 as an answer: the part is gone and is not sent again', async () => {
    const { context, now } = world();
    const gmail = scriptedGmail({ 0: [{ status: 404 }], 1: [{ body: 'b' }] }, now);
    expect(await callWithPolicy(context, gets(2), gmail.send)).toEqual([GONE, 'b']);
    expect(gmail.sent).toHaveLength(1);
  });

  it('refreshes the token once after a 401 and sends the part again with the new one', async () => {
    const { context, tokenRequests, now } = world();
    const gmail = scriptedGmail({ 0: [{ status: 401 }, { body: 'a' }], 1: [{ body: 'b' }] }, now);
    expect(await callWithPolicy(context, gets(2), gmail.send)).toEqual(['a', 'b']);
    expect(gmail.sent.map(({ token, positions }) => ({ token, positions }))).toEqual([
      { token: 'token-1', positions: [0, 1] },
      { token: 'token-2', positions: [0] },
    ]);
    expect(tokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
  });

  it('asks the person to reconnect when the new token is refused too', async () => {
    const { context, now } = world();
    const gmail = scriptedGmail({ 0: [{ status: 401 }] }, now);
    await expect(callWithPolicy(context, gets(1), gmail.send)).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/^Reconnect me@example\.com: Gmail no longer accepts/),
    });
    expect(gmail.sent).toHaveLength(2);
  });

  it('refreshes again when a part is refused with a token Gmail had accepted: it expired while the part waited', async () => {
    const { context, tokenRequests, now } = world();
    // Round 1 (token-1): both refused. Round 2 (token-2): part 0 answered, so token-2 was good; part 1
    // refused with it all the same (it expired meanwhile). Round 3 (token-3): part 1 answered.
    const gmail = scriptedGmail(
      { 0: [{ status: 401 }, { body: 'a' }], 1: [{ status: 401 }, { status: 401 }, { body: 'b' }] },
      now,
    );
    expect(await callWithPolicy(context, gets(2), gmail.send)).toEqual(['a', 'b']);
    expect(gmail.sent.map(({ token, positions }) => ({ token, positions }))).toEqual([
      { token: 'token-1', positions: [0, 1] },
      { token: 'token-2', positions: [0, 1] },
      { token: 'token-3', positions: [1] },
    ]);
    expect(tokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: true }, { forceRefresh: true }]);
  });

  it('still asks the person to reconnect when every new token is refused, even after one was accepted', async () => {
    const { context, now } = world();
    const gmail = scriptedGmail({ 0: [{ status: 401 }, { body: 'a' }], 1: [{ status: 401 }] }, now);
    await expect(callWithPolicy(context, gets(2), gmail.send)).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
    // token-1 refused; token-2 accepted by part 0, then refused to part 1 (taken for an expiry);
    // token-3, never accepted, refused: refreshing does not help.
    expect(gmail.sent.map(({ token }) => token)).toEqual(['token-1', 'token-2', 'token-3']);
  });

  it('holds every part until the time a "Retry after" names, without spending a try', async () => {
    const { context, now } = world({ tries: 1 });
    const retryAt = START + 7000;
    const gmail = scriptedGmail(
      {
        0: [
          { status: 429, reason: 'rateLimitExceeded', retryAfter: new Date(retryAt).toUTCString() },
          { body: 'a' },
        ],
        1: [{ body: 'b' }],
      },
      now,
    );
    // With one try, a counted retry would have failed the call: the server's wait is not counted.
    expect(await callWithPolicy(context, gets(2), gmail.send)).toEqual(['a', 'b']);
    expect(gmail.sent.map((send) => send.positions)).toEqual([[0, 1], [0]]);
    expect(gmail.sent[1]!.at).toBeGreaterThanOrEqual(retryAt);
  });

  it('ends with a sentence that names what was refused when retrying cannot help', async () => {
    const forbidden = world();
    const refused = scriptedGmail({ 0: [{ status: 403, reason: 'insufficientPermissions' }] }, forbidden.now);
    await expect(
      callWithPolicy(
        forbidden.context,
        [{ call: 'messages.list', what: 'the message listing' }],
        refused.send,
      ),
    ).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/^Gmail refused the message listing \(HTTP 403\)\. Reconnect/),
    });
    const bad = world();
    const malformed = scriptedGmail({ 0: [{ status: 400 }] }, bad.now);
    await expect(
      callWithPolicy(bad.context, [{ call: 'history.list', what: 'the history page' }], malformed.send),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Gmail answered the history page with an error (400: HTTP 400). Try again later.',
    });
  });

  it('gives up after its tries with NETWORK, which the queue retries from the cursor', async () => {
    const { context, waits, now } = world({ tries: 3 });
    const gmail = scriptedGmail({ 0: [{ status: 500 }] }, now);
    await expect(callWithPolicy(context, gets(1), gmail.send)).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/^Gmail could not be reached reliably \(HTTP 500\)/),
    });
    expect(gmail.sent).toHaveLength(3);
    // Backoffs of 1 s and 2 s (+ the jitter); the third failure ends the call without a wait.
    expect(waits).toEqual([1500, 2500]);
  });

  it('classifies a thrown network error as a failure of every part sent, and sends them all again', async () => {
    const { context } = world();
    let calls = 0;
    const send = async (_token: string, positions: readonly number[]) => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return positions.map((position): PartAnswer<string> => ({ ok: true, body: `m${position}` }));
    };
    expect(await callWithPolicy(context, gets(2), send)).toEqual(['m0', 'm1']);
    expect(calls).toBe(2);
  });

  it('stops at once with CANCELLED when the job is stopped during a wait', async () => {
    const { context, controller, now } = world();
    const gmail = scriptedGmail({ 0: [{ status: 503 }] }, now);
    const sleep = context.sleep;
    context.sleep = async (ms, signal) => {
      controller.abort();
      await sleep(ms, signal);
    };
    await expect(callWithPolicy(context, gets(1), gmail.send)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(gmail.sent).toHaveLength(1);
  });
});
