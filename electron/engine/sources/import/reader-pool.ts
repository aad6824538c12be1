/**
 * One reader worker kept between imports: starting a worker (a fresh V8 isolate that loads the
 * mail model) costs about as much as reading a small mailbox, and imports come in runs (one per
 * folder or account). A worker that finished its request cleanly waits, unreferenced so it never
 * keeps the process alive, and ends after a short idle time so its memory is not held for long.
 * A worker stopped mid-read (a cancel, a failure) is ended, never reused.
 */
import { Worker } from 'node:worker_threads';

/**
 * The reader's garbage is short-lived message text: a bounded young generation keeps its memory
 * flat. 8 MB with batches of 100 (read-in-worker.ts): with batches of 500 in hand a third of the
 * reader's CPU was garbage collection at 8 MB (each batch survived many scavenges), so the young
 * generation had been 32 MB; a fifth of the batch survives a fifth as much, and the worker's heap
 * at the end of the Enron import is 18 MB instead of 48.
 */
const READER_LIMITS = { maxYoungGenerationSizeMb: 8 };
const IDLE_MS = 10_000;

let idle: { worker: Worker; url: string; timer: ReturnType<typeof setTimeout> } | null = null;

export function acquireReader(url: URL): Worker {
  if (idle !== null && idle.url === url.href) {
    const { worker, timer } = idle;
    idle = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  return new Worker(url, { resourceLimits: READER_LIMITS });
}

/** Gives a worker back: kept when it ended its request cleanly and none is kept yet, else ended. */
export async function releaseReader(worker: Worker, url: URL, clean: boolean): Promise<void> {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (!clean || idle !== null) {
    await worker.terminate();
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  // An idle worker that fails or dies (it should not) is simply forgotten.
  worker.on('error', () => {});
  worker.once('exit', () => {
    if (idle?.worker === worker) {
      clearTimeout(idle.timer);
      idle = null;
    }
  });
  idle = { worker, url: url.href, timer };
}
