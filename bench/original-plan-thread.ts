/**
 * The original plan of "Versus the original plan" (sync-original-plan.ts) in a worker thread of its
 * own: the original web app's way to sync — `messages.list` pages of 20, then one `messages.get`
 * (format=metadata) at a time through the real `@googleapis/gmail` client — against an emulator
 * seeded like ours, in the same thread. Kept apart from the sync harness, whose emulator thread
 * module must not load in this worker.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import type { GeneratorOptions } from '../electron/engine/mail/generator/index.ts';
import type { LatencyOptions } from '../test/emulator/latency.ts';
import type { SeedMessage } from '../test/emulator/mailbox.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../test/emulator/seed-synthetic.ts';
import { startEmulator } from '../test/emulator/server.ts';
import { generatorOptions } from './context.ts';
import { now } from './measure.ts';

const PAGE_SIZE = 20;

export interface PlanResult {
  ms: number;
  fetched: number;
  /** CPU the plan's thread used (its client and its emulator), ms. */
  cpuMs: number;
}

interface PlanOptions {
  /** The mailbox, as the main thread made its options: the end time included, so both seeds match. */
  synthetic: GeneratorOptions;
  latency: LatencyOptions;
  tokenLifetimeSeconds: number;
}

/**
 * The mailbox both syncs read, generated in each thread from the same options. Made in the main
 * thread: the generated mail ends an hour before the bench started, and a worker that computed
 * its own end minutes later seeded a different mailbox (1,934 visible messages against 1,941).
 */
export function planOptions(messages: number): GeneratorOptions {
  return generatorOptions(24, messages, 'user@example.com');
}

export function planSeed(synthetic: GeneratorOptions): SeedMessage[] {
  return [...seedFromSynthetic(synthetic)];
}

export function startPlanThread(options: PlanOptions): Promise<PlanResult> {
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  return new Promise<PlanResult>((resolve, reject) => {
    worker.once('message', (answer: PlanResult | { failed: string }) => {
      if ('failed' in answer) reject(new Error(`the original plan failed: ${answer.failed}`));
      else resolve(answer);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the original plan's thread exited (${code})`)));
  }).finally(() => worker.terminate());
}

/** The original plan against its own emulator seeded like ours; only its calls are timed (nothing is stored, in its favour). */
async function originalPlan(options: PlanOptions): Promise<PlanResult> {
  const emulator = await startEmulator({
    messages: planSeed(options.synthetic),
    labels: SYNTHETIC_LABELS,
    profile: 'legacy',
    timeScale: 1,
    latency: options.latency,
    accessTokenLifetimeSeconds: options.tokenLifetimeSeconds,
  });
  try {
    const auth = new OAuth2Client({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      endpoints: emulator.endpoints,
    });
    auth.setCredentials({
      access_token: emulator.accessToken,
      refresh_token: emulator.refreshToken,
      expiry_date: Date.now() + options.tokenLifetimeSeconds * 1000,
    });
    const api = new gmail_v1.Gmail({ rootUrl: `${emulator.url}/`, auth });
    const started = now();
    const cpuBefore = process.threadCpuUsage();
    let fetched = 0;
    let pageToken: string | undefined;
    do {
      const page = await api.users.messages.list({ userId: 'me', maxResults: PAGE_SIZE, pageToken });
      for (const listed of page.data.messages ?? []) {
        await api.users.messages.get({ userId: 'me', id: listed.id ?? '', format: 'metadata' });
        fetched += 1;
      }
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken !== undefined);
    const cpu = process.threadCpuUsage(cpuBefore);
    return { ms: now() - started, fetched, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    await emulator.close();
  }
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  originalPlan(workerData as PlanOptions).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ failed: String(error) }),
  );
}
