/**
 * One reader worker kept between imports: starting a worker (a fresh V8 isolate that loads the
 * mail model) costs about as much as reading a small mailbox, and imports come in runs (one per
 * folder or account). A worker that finished its request cleanly waits, unreferenced so it never
 * keeps the process alive, and ends after a short idle time so its memory is not held for long.
 * A worker stopped mid-read (a cancel, a failure) is ended, never reused.
 *
 * A kept worker may already be reading the next import's files (a read-ahead): while the import
 * before it stores its last batch and derives its account, the reader would otherwise wait. What
 * it posts is held here until that import takes the worker (adoptReadAhead); any other request
 * ends it and starts afresh, so a read-ahead that guessed wrong costs only its own work.
 */
import { Worker } from 'node:worker_threads';
import type { ReaderToStorer, ReadRequest } from './reader-protocol.ts';

/**
 * The reader's garbage is short-lived message text: a bounded young generation keeps its memory
 * flat. 8 MB with batches of 100 (read-in-worker.ts): with batches of 500 in hand a third of the
 * reader's CPU was garbage collection at 8 MB (each batch survived many scavenges), so the young
 * generation had been 32 MB; a fifth of the batch survives a fifth as much, and the worker's heap
 * at the end of the Enron import is 18 MB instead of 48. (A process started with
 * --max-semi-space-size, as bin/brief.js is, gives every isolate that semi-space instead: V8's
 * flag wins over this limit.)
 */
const READER_LIMITS = { maxYoungGenerationSizeMb: 8 };
const IDLE_MS = 10_000;

/** A request being read ahead: which one (readAheadKey) and what the worker posted for it so far. */
interface ReadAhead {
  key: string;
  /** The batches it may post before one is taken (its request's window). */
  inFlight: number;
  messages: ReaderToStorer[];
  /** Settles when the read-ahead posted its end (or failure), or was dropped. */
  ended: Promise<boolean>;
  end: (reachedEnd: boolean) => void;
}

let idle: {
  worker: Worker;
  url: string;
  timer: ReturnType<typeof setTimeout>;
  ahead: ReadAhead | null;
} | null = null;

/** What identifies a read: the same paths read the same way give the same messages. */
export function readAheadKey(request: Pick<ReadRequest, 'paths' | 'keepRaw'>): string {
  return JSON.stringify([request.keepRaw, request.paths]);
}

/** A worker to read with: the kept one when it is free (not reading ahead), else a new one. */
export function acquireReader(url: URL): Worker {
  const kept = takeIdle(url);
  if (kept !== null && kept.ahead === null) return kept.worker;
  if (kept !== null) void endWorker(kept.worker, kept.ahead);
  return new Worker(url, { resourceLimits: READER_LIMITS });
}

/**
 * The kept worker with what it read ahead for this request (the messages it posted, in order,
 * the rest still to come, and the window it was given), or null when none reads this request ahead.
 */
export function adoptReadAhead(
  url: URL,
  key: string,
): { worker: Worker; messages: ReaderToStorer[]; inFlight: number } | null {
  if (idle?.url !== url.href || idle.ahead?.key !== key) return null;
  const { worker, ahead } = takeIdle(url)!;
  worker.removeAllListeners('message');
  return { worker, messages: ahead!.messages, inFlight: ahead!.inFlight };
}

/**
 * Gives a worker back: kept when it ended its request cleanly and none is kept yet, else ended.
 * With `next`, the kept worker starts reading that request at once (a read-ahead).
 */
export async function releaseReader(
  worker: Worker,
  url: URL,
  clean: boolean,
  next?: ReadRequest,
): Promise<void> {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (!clean || idle !== null) {
    await worker.terminate();
    return;
  }
  worker.unref();
  const ahead = next === undefined ? null : startReadAhead(worker, next);
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void endWorker(worker, ahead);
  }, IDLE_MS);
  timer.unref();
  // An idle worker that fails or dies (it should not) is simply forgotten.
  worker.on('error', () => {});
  worker.once('exit', () => {
    ahead?.end(false);
    if (idle?.worker === worker) {
      clearTimeout(idle.timer);
      idle = null;
    }
  });
  idle = { worker, url: url.href, timer, ahead };
}

/**
 * For tests: settles when the kept worker's read-ahead has posted its end (true), or at once with
 * false when no worker reads ahead (or it was dropped before its end).
 */
export function readAheadEnded(): Promise<boolean> {
  return idle?.ahead?.ended ?? Promise.resolve(false);
}

function startReadAhead(worker: Worker, request: ReadRequest): ReadAhead {
  let end: (reachedEnd: boolean) => void = () => {};
  const ended = new Promise<boolean>((resolve) => (end = resolve));
  const ahead: ReadAhead = {
    key: readAheadKey(request),
    inFlight: request.inFlight,
    messages: [],
    ended,
    end,
  };
  worker.on('message', (message: ReaderToStorer) => {
    ahead.messages.push(message);
    if (message.type === 'end' || message.type === 'failed') end(true);
  });
  worker.postMessage({ type: 'read', request });
  return ahead;
}

/** The kept worker, taken out of the pool, when it was started from this script. */
function takeIdle(url: URL): { worker: Worker; ahead: ReadAhead | null } | null {
  if (idle === null || idle.url !== url.href) return null;
  const { worker, timer, ahead } = idle;
  idle = null;
  clearTimeout(timer);
  worker.ref();
  return { worker, ahead };
}

function endWorker(worker: Worker, ahead: ReadAhead | null): Promise<number> {
  ahead?.end(false);
  return worker.terminate();
}
