/**
 * A first Gmail sync against the emulator, through the engine's job runner and the sync engine's
 * own `fetch_messages` executor, with the emulator's counters to read afterwards.
 */
import { join } from 'node:path';
import { Engine } from '../electron/engine/engine.ts';
import type * as GmailSource from '../electron/engine/sources/gmail/index.ts';
import type { QuotaProfile } from '../shared/domain.ts';
import { BriefError } from '../shared/errors.ts';
import type { CountersSnapshot } from '../test/emulator/counters.ts';
import type { LatencyOptions } from '../test/emulator/latency.ts';
import type { SeedMessage } from '../test/emulator/mailbox.ts';
import { startEmulator } from '../test/emulator/server.ts';
import { now } from './measure.ts';

export interface FirstSyncResult {
  counters: CountersSnapshot;
  seeded: number;
  stored: number;
  ms: number;
  status: string;
  error: string | null;
}

export async function firstSync(options: {
  gmail: typeof GmailSource;
  folder: string;
  seed: Iterable<SeedMessage>;
  labels?: Array<{ id: string; name: string }>;
  profile: QuotaProfile;
  timeScale: number;
  latency: LatencyOptions;
  user?: string;
}): Promise<FirstSyncResult> {
  const emulator = await startEmulator({
    messages: options.seed,
    labels: options.labels,
    profile: options.profile,
    timeScale: options.timeScale,
    latency: options.latency,
    user: options.user,
    accessTokenLifetimeSeconds: 24 * 3600,
  });
  let engine: Engine | null = null;
  try {
    const tokenProvider = {
      getAccessToken: async () => ({ accessToken: emulator.accessToken, expiresAt: Date.now() + 3600_000 }),
    };
    const overrides = { rootUrl: `${emulator.url}/`, timeScale: options.timeScale };
    const opened = Engine.open({
      databasePath: join(options.folder, 'brief.db'),
      tokenProvider,
      executors: {
        fetch_messages: (context) => options.gmail.fetchMessagesExecutor(opened.services, overrides)(context),
      },
    });
    engine = opened;
    const account = opened.services.accounts.createAccount({
      address: emulator.user,
      provider: 'gmail',
      settings: { quotaProfile: options.profile },
    });
    const started = now();
    const job = opened.services.jobs.createJob({ type: 'fetch_messages', accountId: account.id });
    await opened.runner.runUntilIdle();
    const elapsed = now() - started;
    const done = opened.services.jobs.getJob(job.id);
    return {
      counters: emulator.counters.snapshot(),
      seeded: emulator.mailbox.messageCount,
      stored: opened.services.messages.getCacheStats(account.id).count,
      ms: elapsed,
      status: done.status,
      error: done.error?.message ?? null,
    };
  } catch (error) {
    throw error instanceof BriefError
      ? error
      : new BriefError('INTERNAL', `The sync benchmark failed: ${String(error)}`);
  } finally {
    await engine?.close();
    await emulator.close();
  }
}

/** Units the calls that answered spent, all windows together. */
export function unitsSpent(counters: CountersSnapshot): number {
  return counters.windows.reduce((sum, window) => sum + window.unitsCharged, 0);
}

export function rateLimitErrors(counters: CountersSnapshot): number {
  return Object.entries(counters.errorsByKind)
    .filter(([kind]) => /429|rateLimit|RateLimit/.test(kind))
    .reduce((sum, [, seen]) => sum + seen, 0);
}
