/**
 * Reliability row "Faults" (docs/reliability.md): a first sync and an incremental one against a
 * Gmail emulator answering 30 % of calls with rate limits of every shape, 10 % with 5xx, dropping
 * connections, letting access tokens die after a minute, and whose history is too short for the
 * incremental sync (404, so a full resync follows). Every sync completes within its attempts and
 * the cache equals the mailbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { SeedMessage } from '../emulator/mailbox.ts';
import { createRandom } from '../emulator/random.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { cacheState, mailboxState, type SyncBench, startSyncBench, storedRows } from '../sync/harness.ts';
import { MODE, SIZES, trialSeed } from './mode.ts';

const ROW = 2;
/** History entries the emulator keeps: the changes below outrun it, so history answers 404. */
const HISTORY_HORIZON = 20;

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

function arrival(n: number): SeedMessage {
  const at = Date.UTC(2026, 10, 2, 9, n);
  return {
    labelIds: ['INBOX', 'UNREAD'],
    internalDate: at,
    sizeEstimate: 900 + n,
    headers: [
      { name: 'From', value: `Sender ${n} <sender${n}@example.net>` },
      { name: 'To', value: 'user@example.com' },
      { name: 'Subject', value: `Arrived while away ${n}` },
      { name: 'Message-ID', value: `<away-${n}@example.net>` },
      { name: 'Date', value: new Date(at).toUTCString() },
    ],
  };
}

function expectCacheIsMailbox(current: SyncBench): void {
  expect(cacheState(current.engine, current.accountId)).toEqual(mailboxState(current.emulator));
  const rows = storedRows(current.engine, current.accountId);
  expect(rows.rows).toBe(rows.distinct);
}

describe(`sync under faults (${MODE})`, () => {
  for (let index = 0; index < SIZES.faults.seeds; index++) {
    const seed = trialSeed(ROW, index);
    it(`seed ${seed}: first and incremental sync complete within their attempts`, async () => {
      bench = await startSyncBench({
        messages: [...seedFromSynthetic({ seed, messages: SIZES.faults.messages })],
        labels: SYNTHETIC_LABELS,
        profile: '2026',
        seed,
        randomSeed: seed,
        historyHorizon: HISTORY_HORIZON,
        // Virtual time: token expiry and the quota windows follow the sync's waits, not the CPU.
        virtualTime: true,
        faults: { seed, rateLimit: 0.3, error500: 0.05, error503: 0.05, drop: 0.03, tokenExpirySeconds: 60 },
      });
      const first = await bench.runJob('fetch_messages');
      expect(first.status, JSON.stringify(first.error)).toBe('completed');
      expect(first.attempts).toBeLessThanOrEqual(first.maxAttempts);
      expectCacheIsMailbox(bench);

      // More changes than the history keeps: the incremental sync meets a 404 and resyncs.
      const random = createRandom(seed);
      const { mailbox } = bench.emulator;
      const ids = [...mailboxState(bench.emulator).keys()];
      for (let n = 0; n < 10; n++) mailbox.addMessage(arrival(n));
      for (let n = 0; n < 10; n++) mailbox.deleteMessage(ids.splice(random.int(0, ids.length - 1), 1)[0]!);
      for (let n = 0; n < 10; n++)
        mailbox.modifyLabels(ids[random.int(0, ids.length - 1)]!, { add: ['STARRED'], remove: ['INBOX'] });
      const incremental = await bench.runJob('sync_history');
      expect(incremental.status, JSON.stringify(incremental.error)).toBe('completed');
      expect(incremental.attempts).toBeLessThanOrEqual(incremental.maxAttempts);
      expectCacheIsMailbox(bench);

      const errors = bench.emulator.counters.snapshot().errorsByKind;
      // Every fault really happened: the rate-limit shapes, both 5xx, drops, expired tokens, the 404.
      for (const kind of [
        '429 rateLimitExceeded',
        '403 userRateLimitExceeded',
        '403 rateLimitExceeded',
        '403 dailyLimitExceeded',
        '403 quotaExceeded',
        '401 authError',
        '500 backendError',
        '503 backendError',
        'dropped connection',
        '404 notFound',
      ]) {
        expect(errors[kind] ?? 0, `${kind} in ${JSON.stringify(errors)}`).toBeGreaterThan(0);
      }
      expect(engineServicesForTests(bench.engine).jobs.listJobs({ status: 'processing' }).total).toBe(0);
    });
  }
});
