/**
 * The Gmail API emulator in a worker thread of its own, for the sync throughput rows: Google's
 * servers do not run on the user's CPU, so the sync's thread should not render and serve every
 * message it fetches as well. At time scale 10 the legacy rows fetch ~500 messages a second, and
 * with the emulator in the same thread a loaded machine starved that one thread (the figure then
 * measured the CPU, not the pacing). The mailbox is generated inside the thread from generator
 * options (nothing large crosses threads); the counters are read back by message. For the
 * incremental rows the thread also holds messages back (`holdBack`) until asked to add them, and
 * renders its visible mailbox in pages for the bench to store as a finished first sync would.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { GeneratorOptions } from '../electron/engine/mail/generator/index.ts';
import type { CountersSnapshot } from '../test/emulator/counters.ts';
import type { SeedMessage, StoredMessage } from '../test/emulator/mailbox.ts';
import { renderMessage } from '../test/emulator/render.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../test/emulator/seed-synthetic.ts';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../test/emulator/server.ts';
import { type HoldBack, splitArrivals } from './arrivals.ts';
import { isHidden } from './hidden-labels.ts';

/** A message as the emulator answers it (JSON). */
type Json = Record<string, unknown>;

export type ThreadEmulatorOptions = Pick<
  EmulatorOptions,
  'profile' | 'timeScale' | 'latency' | 'user' | 'accessTokenLifetimeSeconds'
> & { synthetic: GeneratorOptions; holdBack?: HoldBack };

/** What the bench reads of an emulator, wherever it runs. */
export interface BenchEmulator {
  url: string;
  user: string;
  accessToken: string;
  messageCount: number;
  counters(): Promise<CountersSnapshot>;
  close(): Promise<void>;
}

/** An emulator thread holding messages back (`holdBack`): what the incremental rows read and ask of it. */
export interface ThreadEmulator extends BenchEmulator {
  historyId: number;
  /** Held-back messages a sync would store (outside spam and trash). */
  heldBackVisible: number;
  /** The visible mailbox, newest first, rendered as the sync asks for it: `count` from `from`, and how many there are. */
  render(
    from: number,
    count: number,
    headers: readonly string[],
  ): Promise<{ messages: Json[]; total: number }>;
  /** Adds the held-back messages to the mailbox, as mail arriving. */
  arrive(): Promise<void>;
}

type Ready = {
  kind: 'ready';
  url: string;
  user: string;
  accessToken: string;
  messageCount: number;
  historyId: number;
  heldBackVisible: number;
};
type Request =
  | { kind: 'counters' }
  | { kind: 'render'; from: number; count: number; headers: readonly string[] }
  | { kind: 'arrive' };
type Answer =
  | Ready
  | { kind: 'counters'; snapshot: CountersSnapshot }
  | { kind: 'rendered'; messages: Json[]; total: number }
  | { kind: 'arrived' }
  | { kind: 'failed'; message: string };

export function startEmulatorThread(options: ThreadEmulatorOptions): Promise<ThreadEmulator> {
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
  const ask = async <K extends Answer['kind']>(
    request: Request,
    kind: K,
  ): Promise<Extract<Answer, { kind: K }>> => {
    const answer = next();
    worker.postMessage(request);
    const answered = await answer;
    if (answered.kind !== kind) throw new Error(`the emulator thread answered ${answered.kind}, not ${kind}`);
    return answered as Extract<Answer, { kind: K }>;
  };
  return next().then((ready) => {
    if (ready.kind !== 'ready') throw new Error(`the emulator thread answered ${ready.kind} first`);
    return {
      url: ready.url,
      user: ready.user,
      accessToken: ready.accessToken,
      messageCount: ready.messageCount,
      historyId: ready.historyId,
      heldBackVisible: ready.heldBackVisible,
      counters: async () => (await ask({ kind: 'counters' }, 'counters')).snapshot,
      async render(from, count, headers) {
        const { messages, total } = await ask({ kind: 'render', from, count, headers }, 'rendered');
        return { messages, total };
      },
      async arrive() {
        await ask({ kind: 'arrive' }, 'arrived');
      },
      async close() {
        await worker.terminate();
      },
    };
  });
}

async function serve(port: NonNullable<typeof parentPort>, options: ThreadEmulatorOptions): Promise<void> {
  const { synthetic, holdBack, ...rest } = options;
  const generated = seedFromSynthetic(synthetic);
  const { before, arriving } =
    holdBack === undefined ? { before: generated, arriving: [] } : splitArrivals(generated, holdBack);
  const emulator = await startEmulator({ ...rest, messages: before, labels: SYNTHETIC_LABELS });
  port.on('message', (request: Request) => {
    try {
      port.postMessage(answer(emulator, arriving, request));
    } catch (error) {
      port.postMessage({ kind: 'failed', message: String(error) });
    }
  });
  port.postMessage({
    kind: 'ready',
    url: emulator.url,
    user: emulator.user,
    accessToken: emulator.accessToken,
    messageCount: emulator.mailbox.messageCount,
    historyId: emulator.mailbox.historyId,
    heldBackVisible: arriving.filter((message) => !isHidden(message.labelIds)).length,
  } satisfies Ready);
}

/** The visible mailbox, newest first, while no message is added. */
let visible: readonly StoredMessage[] | null = null;

function answer(emulator: RunningEmulator, arriving: Iterable<SeedMessage>, request: Request): Answer {
  switch (request.kind) {
    case 'counters':
      return { kind: 'counters', snapshot: emulator.counters.snapshot() };
    case 'render': {
      visible ??= emulator.mailbox.sortedMessages().filter((message) => !isHidden(message.labelIds));
      const page = visible.slice(request.from, request.from + request.count);
      const headers = [...request.headers];
      return {
        kind: 'rendered',
        messages: page.map((message) => renderMessage(message, 'metadata', headers)),
        total: visible.length,
      };
    }
    case 'arrive':
      visible = null;
      for (const message of arriving) emulator.mailbox.addMessage(message);
      return { kind: 'arrived' };
  }
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  serve(port, workerData as ThreadEmulatorOptions).catch((error: unknown) =>
    port.postMessage({ kind: 'failed', message: String(error) }),
  );
}
