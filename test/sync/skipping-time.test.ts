/**
 * The sync tests' skipping clock (harness.ts `SkippingTime`): waits move it instead of sleeping,
 * but work it holds (a token request's round trip) takes no time on it. Before, a minute-long wait
 * that began during a refresh moved the clock past the new token's life before the sync could
 * use it (reliability "Faults", full mode, seed 2008, ended with "Reconnect").
 */
import { describe, expect, it } from 'vitest';
import { SkippingTime } from './harness.ts';

/** A few event-loop turns, as an HTTP round trip to the emulator takes. */
async function turns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('skipping time', () => {
  it('moves by a wait at once', async () => {
    const time = new SkippingTime({ virtual: true });
    const start = time.now();
    await time.sleep(60_000, new AbortController().signal);
    expect(time.now() - start).toBe(60_000);
  });

  it('does not move while held work is in flight, and moves by the waits once it is done', async () => {
    const time = new SkippingTime({ virtual: true });
    const start = time.now();
    const seen: number[] = [];
    const refresh = time.hold(async () => {
      await turns(5);
      seen.push(time.now() - start);
      return 'token';
    });
    const wait = time.sleep(60_000, new AbortController().signal);
    expect(await refresh).toBe('token');
    await wait;
    expect(seen).toEqual([0]);
    expect(time.now() - start).toBe(60_000);
  });
});
