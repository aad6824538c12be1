import { afterEach, describe, expect, it } from 'vitest';
import { batchBody, sendBatch } from './batch-client.ts';
import { failure, fixtureId, type Harness, START, startHarness } from './fixtures.ts';

let h: Harness;
afterEach(() => h.emulator.close());

async function scriptedSequence(harness: Harness): Promise<void> {
  const { gmail } = harness;
  const profile = await gmail.users.getProfile({ userId: 'me' });
  await gmail.users.labels.list({ userId: 'me' });
  await gmail.users.labels.get({ userId: 'me', id: 'INBOX' });
  await gmail.users.messages.list({ userId: 'me', maxResults: 500 });
  await gmail.users.threads.list({ userId: 'me' });
  for (const n of [1, 2, 3])
    await gmail.users.messages.get({ userId: 'me', id: fixtureId(n), format: 'metadata' });
  await gmail.users.threads.get({ userId: 'me', id: fixtureId(4), format: 'metadata' });
  await gmail.users.history.list({ userId: 'me', startHistoryId: profile.data.historyId! });
  // Charged but failed: an unknown id.
  await failure(gmail.users.messages.get({ userId: 'me', id: 'ffffffffffffffff', format: 'minimal' }));
  // Free: refused before any work (scope, parameters).
  await failure(gmail.users.messages.list({ userId: 'me', q: 'x' }));
  await failure(gmail.users.history.list({ userId: 'me' }));
  // Batch parts count one call each.
  await sendBatch(
    harness.emulator.url,
    harness.emulator.accessToken,
    batchBody(
      'batch_boundary',
      [fixtureId(5), fixtureId(6)].map((id) => `/gmail/v1/users/me/messages/${id}?format=minimal`),
    ),
  );
}

describe('quota accounting', () => {
  it('charges the 2026 costs exactly, to the unit', async () => {
    h = await startHarness({ profile: '2026' });
    await scriptedSequence(h);
    // 1 + 1 + 1 + 5 + 10 + 3 × 20 + 40 + 2 = 120 succeeded; + 20 for the 404; + 2 × 20 batch parts.
    expect(h.emulator.counters.windows).toEqual([
      { start: START, end: START + 60_000, unitsCharged: 180, unitsSucceeded: 160, refusals: 0 },
    ]);
    expect(h.emulator.counters.callsByMethod).toEqual({
      'users.getProfile': 1,
      'users.labels.list': 1,
      'users.labels.get': 1,
      'users.messages.list': 1,
      'users.threads.list': 1,
      'users.messages.get': 6,
      'users.threads.get': 1,
      'users.history.list': 1,
    });
    expect(h.emulator.counters.errorsByKind).toEqual({
      '404 notFound': 1,
      '403 forbidden': 1,
      '400 invalidArgument': 1,
    });
  });

  it('charges the legacy costs exactly, to the unit', async () => {
    h = await startHarness({ profile: 'legacy' });
    await scriptedSequence(h);
    // 1 + 1 + 1 + 5 + 10 + 3 × 5 + 10 + 2 = 45 succeeded; + 5 for the 404; + 2 × 5 batch parts.
    expect(h.emulator.counters.windows[0]).toMatchObject({ unitsCharged: 60, unitsSucceeded: 55 });
  });
});

describe('throttling', () => {
  const getPaths = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => `/gmail/v1/users/me/messages/${fixtureId((i % 30) + 1)}?format=minimal`,
    );

  it('refuses past the ceiling with 429 "User-rate limit exceeded.  Retry after <time>" until the window resets', async () => {
    h = await startHarness({ profile: '2026', concurrencyLimit: 100 });
    for (let i = 0; i < 3; i++) {
      const reply = await sendBatch(
        h.emulator.url,
        h.emulator.accessToken,
        batchBody('batch_boundary', getPaths(100)),
      );
      expect(reply.parts.every((p) => p.status === 200)).toBe(true);
    }
    h.clock.advance(30_000);
    const refused = await failure(h.gmail.users.getProfile({ userId: 'me' }));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 429,
        message: `User-rate limit exceeded.  Retry after ${new Date(START + 60_000).toISOString()}`,
        errors: [
          {
            message: `User-rate limit exceeded.  Retry after ${new Date(START + 60_000).toISOString()}`,
            domain: 'usageLimits',
            reason: 'rateLimitExceeded',
          },
        ],
        status: 'RESOURCE_EXHAUSTED',
      },
    });
    const raw = await h.fetchApi('/gmail/v1/users/me/profile');
    expect(raw.headers.get('retry-after')).toBeNull();
    expect(h.emulator.counters.windows[0]).toMatchObject({ unitsCharged: 6000, unitsSucceeded: 6000 });

    h.clock.set(START + 60_000);
    expect((await h.gmail.users.getProfile({ userId: 'me' })).status).toBe(200);
    expect(h.emulator.counters.windows).toHaveLength(2);
    expect(h.emulator.counters.windows[1]).toMatchObject({ start: START + 60_000, unitsSucceeded: 1 });
  });

  it('hammering an exceeded window pushes the Retry after time out', async () => {
    h = await startHarness({
      profile: 'legacy',
      concurrencyLimit: 100,
      hammerAllowance: 2,
      hammerPenaltyMs: 1000,
    });
    for (let i = 0; i < 30; i++)
      await sendBatch(h.emulator.url, h.emulator.accessToken, batchBody('batch_boundary', getPaths(100)));
    const retryAfter = async () => {
      const { body } = await failure(h.gmail.users.getProfile({ userId: 'me' }));
      return Date.parse(/Retry after (\S+)/.exec(body.error.message)![1]!);
    };
    const first = await retryAfter();
    await retryAfter();
    const pushed = await retryAfter();
    expect(pushed - first).toBe(1000);
    expect(h.emulator.counters.windows[0]?.unitsCharged).toBe(15_000);
  });

  it('a time scale of 10 makes the window six seconds', async () => {
    h = await startHarness({ profile: '2026', timeScale: 10 });
    await h.gmail.users.getProfile({ userId: 'me' });
    expect(h.emulator.counters.windows[0]).toMatchObject({ start: START, end: START + 6000 });
  });

  it('refuses calls past the concurrency limit with 429 "Too many concurrent requests for user", spending nothing', async () => {
    h = await startHarness({ profile: '2026', concurrencyLimit: 3 });
    const reply = await sendBatch(
      h.emulator.url,
      h.emulator.accessToken,
      batchBody('batch_boundary', getPaths(5)),
    );
    expect(reply.parts.map((p) => p.status)).toEqual([200, 200, 200, 429, 429]);
    expect(reply.parts[3]?.body).toEqual({
      error: {
        code: 429,
        message: 'Too many concurrent requests for user',
        errors: [
          {
            message: 'Too many concurrent requests for user',
            domain: 'usageLimits',
            reason: 'rateLimitExceeded',
          },
        ],
        status: 'RESOURCE_EXHAUSTED',
      },
    });
    expect(h.emulator.counters.maxConcurrency).toBe(3);
    expect(h.emulator.counters.inFlight).toBe(0);
    expect(h.emulator.counters.windows[0]).toMatchObject({ unitsCharged: 60, unitsSucceeded: 60 });
  });
});
