/**
 * The Gmail API emulator in a worker thread of its own, for the sync throughput rows: Google's
 * servers do not run on the user's CPU, so the sync's thread should not render and serve every
 * message it fetches as well. At time scale 10 the legacy rows fetch ~500 messages a second, and
 * with the emulator in the same thread a loaded machine starved that one thread (the figure then
 * measured the CPU, not the pacing). The mailbox is generated inside the thread from generator
 * options (nothing large crosses threads); the counters are read back by message.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { GeneratorOptions } from '../electron/engine/mail/generator/index.ts';
import type { CountersSnapshot } from '../test/emulator/counters.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../test/emulator/seed-synthetic.ts';
import { type EmulatorOptions, startEmulator } from '../test/emulator/server.ts';

export type ThreadEmulatorOptions = Pick<
  EmulatorOptions,
  'profile' | 'timeScale' | 'latency' | 'user' | 'accessTokenLifetimeSeconds'
> & { synthetic: GeneratorOptions };

/** What the bench reads of an emulator, wherever it runs. */
export interface BenchEmulator {
  url: string;
  user: string;
  accessToken: string;
  messageCount: number;
  counters(): Promise<CountersSnapshot>;
  close(): Promise<void>;
}

type Ready = { kind: 'ready'; url: string; user: string; accessToken: string; messageCount: number };
type Answer = Ready | { kind: 'counters'; snapshot: CountersSnapshot } | { kind: 'failed'; message: string };

export function startEmulatorThread(options: ThreadEmulatorOptions): Promise<BenchEmulator> {
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  const next = (): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the emulator thread exited (${code})`));
      worker.once('exit', onExit);
      worker.once('error', reject);
      worker.once('message', (answer: Answer) => {
        worker.off('exit', onExit);
        worker.off('error', reject);
        if (answer.kind === 'failed') reject(new Error(`the emulator thread failed: ${answer.message}`));
        else resolve(answer);
      });
    });
  return next().then((ready) => {
    if (ready.kind !== 'ready') throw new Error(`the emulator thread answered ${ready.kind} first`);
    return {
      url: ready.url,
      user: ready.user,
      accessToken: ready.accessToken,
      messageCount: ready.messageCount,
      async counters() {
        const answer = next();
        worker.postMessage('counters');
        const snapshot = await answer;
        if (snapshot.kind !== 'counters') throw new Error(`the emulator thread answered ${snapshot.kind}`);
        return snapshot.snapshot;
      },
      async close() {
        await worker.terminate();
      },
    };
  });
}

async function serve(port: NonNullable<typeof parentPort>, options: ThreadEmulatorOptions): Promise<void> {
  const { synthetic, ...rest } = options;
  const emulator = await startEmulator({
    ...rest,
    messages: seedFromSynthetic(synthetic),
    labels: SYNTHETIC_LABELS,
  });
  port.on('message', () => port.postMessage({ kind: 'counters', snapshot: emulator.counters.snapshot() }));
  port.postMessage({
    kind: 'ready',
    url: emulator.url,
    user: emulator.user,
    accessToken: emulator.accessToken,
    messageCount: emulator.mailbox.messageCount,
  } satisfies Ready);
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  serve(port, workerData as ThreadEmulatorOptions).catch((error: unknown) =>
    port.postMessage({ kind: 'failed', message: String(error) }),
  );
}
