/**
 * The import's reading half, in a worker thread of its own: reads and parses the mail files
 * (readMail), fits each message to the store's limits, and posts them in batches to the thread
 * that stores them, so reading the next batch overlaps storing this one. Back-pressure: at most
 * `inFlight` batches are posted and not yet taken, so memory stays bounded when storing is slower.
 * Entry of `new Worker(...)`; see read-in-worker.ts for the other side and the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toSerializedError } from '../../../../shared/errors.ts';
import { readMail } from '../../mail/index.ts';
import { type ImportItem, toImportItem } from './import-items.ts';
import type { ReaderStart, ReaderToStorer } from './reader-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('mail-reader-worker.ts runs only as a worker thread.');
const start = workerData as ReaderStart;
let credits = start.inFlight;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits += 1;
  wake?.();
  wake = null;
});

const post = (message: ReaderToStorer) => port.postMessage(message);

async function send(items: ImportItem[], read: [string, number] | null): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  post({ type: 'batch', items, read });
}

async function run(): Promise<void> {
  let items: ImportItem[] = [];
  let rawBytes = 0;
  let read: [string, number] | null = null;
  let shownBytes = 0;
  const reading = readMail(start.paths, {
    onRead: (file, bytes) => {
      read = [file, bytes];
      // A long message holds no batch back from the progress bar: its bytes are shown as read.
      if (bytes - shownBytes >= start.progressBytes || bytes < shownBytes) {
        shownBytes = bytes;
        post({ type: 'read', file, bytes });
      }
    },
  });
  for await (const item of reading) {
    const next = toImportItem(item, start.keepRaw);
    items.push(next);
    if (next.kind === 'message' && next.raw) rawBytes += next.raw.length;
    if (items.length >= start.batchItems || rawBytes >= start.batchBytes) {
      await send(items, read);
      items = [];
      rawBytes = 0;
    }
  }
  await send(items, read);
  post({ type: 'end' });
}

run().catch((error: unknown) => post({ type: 'failed', error: toSerializedError(error) }));
