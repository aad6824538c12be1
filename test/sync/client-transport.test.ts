/**
 * The Gmail client library's calls (profile, listings, history) go through Node's own fetch, as
 * the batches do. Left to itself the library's HTTP layer (gaxios) imports node-fetch on its first
 * call: 10–35 ms of CPU measured before an incremental sync's `history.list` could be sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type SyncBench, startSyncBench } from './harness.ts';

let bench: SyncBench | null = null;
const nodeFetch = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = nodeFetch;
  await bench?.close();
  bench = null;
});

describe('Gmail client transport', () => {
  it("sends the library's calls, history.list included, through Node's fetch", async () => {
    bench = await startSyncBench({
      messages: [...seedFromSynthetic({ seed: 3, messages: 40 })],
      labels: SYNTHETIC_LABELS,
    });
    const paths: string[] = [];
    // Observes Node's fetch (not ours): which Gmail paths went through it.
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      paths.push(new URL(url).pathname);
      return nodeFetch(input, init);
    };
    expect((await bench.runJob('fetch_messages')).status).toBe('completed');
    expect((await bench.runJob('sync_history')).status).toBe('completed');
    expect(paths).toContain('/gmail/v1/users/me/profile');
    expect(paths).toContain('/gmail/v1/users/me/messages');
    expect(paths).toContain('/gmail/v1/users/me/history');
    expect(paths).toContain('/batch/gmail/v1');
  });
});
