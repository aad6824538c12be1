import { afterEach, describe, expect, it } from 'vitest';
import type { FaultOptions } from '../emulator/faults.ts';
import { parseFaultSpec } from '../emulator/faults.ts';
import { batchBody, sendBatch } from './batch-client.ts';
import { failure, fixtureId, type Harness, startHarness } from './fixtures.ts';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.emulator.close();
});

async function harness(faults: FaultOptions): Promise<Harness> {
  const h = await startHarness({ faults, concurrencyLimit: 100 });
  harnesses.push(h);
  return h;
}

const paths = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `/gmail/v1/users/me/messages/${fixtureId((i % 30) + 1)}?format=minimal`,
  );

async function statuses(h: Harness): Promise<string[]> {
  const reply = await sendBatch(
    h.emulator.url,
    h.emulator.accessToken,
    batchBody('batch_boundary', paths(60)),
  );
  return reply.parts.map((p) => {
    const error = (p.body as { error?: { errors: Array<{ reason: string }> } }).error;
    return error === undefined ? String(p.status) : `${p.status} ${error.errors[0]?.reason}`;
  });
}

describe('fault injection', () => {
  it('reproduces the same faults from the same seed', async () => {
    const spec = parseFaultSpec('seed=7,rateLimit=0.3,error500=0.05,error503=0.05');
    const first = await statuses(await harness(spec));
    const second = await statuses(await harness(spec));
    expect(first).toEqual(second);
    expect(first.filter((s) => s !== '200').length).toBeGreaterThan(5);
    const other = await statuses(await harness({ ...spec, seed: 8 }));
    expect(other).not.toEqual(first);
  });

  it('produces every rate-limit shape, and refused calls spend nothing', async () => {
    const h = await harness({ seed: 3, rateLimit: 1 });
    const kinds = new Set(await statuses(h));
    expect(kinds).toEqual(
      new Set([
        '429 rateLimitExceeded',
        '403 userRateLimitExceeded',
        '403 rateLimitExceeded',
        '403 dailyLimitExceeded',
        '403 quotaExceeded',
      ]),
    );
    expect(h.emulator.counters.windows).toEqual([]);
    const { body } = await failure(h.gmail.users.getProfile({ userId: 'me' }));
    expect(body.error.errors[0]?.domain).toBe('usageLimits');
  });

  it("answers 500 backendError and 503 UNAVAILABLE in Google's envelope", async () => {
    const internal = await failure((await harness({ error500: 1 })).gmail.users.getProfile({ userId: 'me' }));
    expect(internal.status).toBe(500);
    expect(internal.body.error).toMatchObject({ status: 'INTERNAL', errors: [{ reason: 'backendError' }] });
    const down = await failure((await harness({ error503: 1 })).gmail.users.getProfile({ userId: 'me' }));
    expect(down.status).toBe(503);
    expect(down.body.error.status).toBe('UNAVAILABLE');
  });

  it('drops connections without an answer', async () => {
    const h = await harness({ drop: 1 });
    await expect(h.gmail.users.getProfile({ userId: 'me' })).rejects.toThrow();
    expect(h.emulator.counters.errorsByKind['dropped connection']).toBe(1);
  });

  it('parses fault specs and rejects unknown keys', () => {
    expect(parseFaultSpec('rateLimit=0.3, drop=0.01,tokenExpirySeconds=60')).toEqual({
      rateLimit: 0.3,
      drop: 0.01,
      tokenExpirySeconds: 60,
    });
    expect(() => parseFaultSpec('explode=1')).toThrow(/not understood/);
  });
});
