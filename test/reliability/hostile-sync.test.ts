/**
 * Reliability row "Hostile mail" (docs/reliability.md) by Gmail sync, against the emulator: one
 * message past a limit among 66 ordinary ones, met by a first sync and by an incremental (history)
 * sync. Each completes in one attempt, stores every message (the hostile one cut), reports the
 * hostile one by its Gmail id in the job's result, and moves the history id past it, so later mail
 * still arrives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncReportResult } from '../../electron/engine/sources/gmail/sync-report.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { Job } from '../../shared/domain.ts';
import { cacheState, mailboxState, type SyncBench, startSyncBench } from '../sync/harness.ts';
import {
  HOSTILE_CASES,
  type HostileCase,
  hostileHeaders,
  hostileSeed,
  ORDINARY,
  ordinarySeeds,
  storedHostile,
} from './hostile-cases.ts';
import { MODE, trialSeed } from './mode.ts';

const ROW = 11;
const SEED = trialSeed(ROW, 0);

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

async function startBench(): Promise<SyncBench> {
  bench = await startSyncBench({
    messages: ordinarySeeds(SEED),
    profile: '2026',
    seed: SEED,
    randomSeed: SEED,
  });
  return bench;
}

/** Completed in one attempt, the cache equal to the mailbox, the history id where Gmail is. */
function expectSynced(current: SyncBench, job: Job): void {
  expect(job.status, JSON.stringify(job.error)).toBe('completed');
  expect(job.attempts).toBe(1);
  expect(cacheState(current.engine, current.accountId)).toEqual(mailboxState(current.emulator));
  const account = engineServicesForTests(current.engine).accounts.getAccount(current.accountId);
  expect(account.historyId).toBe(String(current.emulator.mailbox.historyId));
}

function expectReported(current: SyncBench, job: Job, hostile: HostileCase, gmailId: string): void {
  expect(job.metadata.reported as SyncReportResult).toEqual({
    skipped: 0,
    skippedSamples: [],
    shortened: 1,
    shortenedSamples: [{ id: gmailId, reason: expect.stringMatching(hostile.reason) }],
  });
  const stored = storedHostile(
    engineServicesForTests(current.engine).messages.iterateMessages({ accountId: current.accountId }),
  );
  expect(stored?.providerId).toBe(gmailId);
  hostile.expectStored(stored!);
}

describe(`hostile mail by Gmail sync (${MODE})`, () => {
  it.each(HOSTILE_CASES)(
    '$name, in a first sync: one attempt, all stored, reported by Gmail id',
    async (hostile) => {
      const current = await startBench();
      const { id } = current.emulator.mailbox.addMessage(hostileSeed(hostileHeaders(hostile)));
      const job = await current.runJob('fetch_messages');
      expectSynced(current, job);
      expect(engineServicesForTests(current.engine).messages.getCacheStats(current.accountId).count).toBe(
        ORDINARY + 1,
      );
      expectReported(current, job, hostile, id);
    },
  );

  it.each(HOSTILE_CASES)(
    '$name, in a history sync: one attempt, reported, later mail still arrives',
    async (hostile) => {
      const current = await startBench();
      expectSynced(current, await current.runJob('fetch_messages'));
      const { mailbox } = current.emulator;
      const { id } = mailbox.addMessage(hostileSeed(hostileHeaders(hostile)));
      mailbox.addMessage(hostileSeed(hostileHeaders(null, 'ordinary-after')));
      const job = await current.runJob('sync_history');
      expectSynced(current, job);
      expectReported(current, job, hostile, id);
      // The cursor moved past it: the next sync brings what came next, and does not fail on it again.
      mailbox.addMessage(hostileSeed(hostileHeaders(null, 'later')));
      const next = await current.runJob('sync_history');
      expectSynced(current, next);
      expect(engineServicesForTests(current.engine).messages.getCacheStats(current.accountId).count).toBe(
        ORDINARY + 3,
      );
      expect((next.metadata.reported as SyncReportResult).shortened).toBe(0);
    },
  );
});
