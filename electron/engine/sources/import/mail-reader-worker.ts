/**
 * The import's reading half, in a worker thread of its own: reads and parses the mail files
 * (readMailInChunks), fits each message to the store's limits, and posts them in batches to the thread
 * that stores them, so reading the next batch overlaps storing this one. Back-pressure: at most
 * `inFlight` batches are posted and not yet taken, so memory stays bounded when storing is slower.
 * One request at a time; the worker waits for the next (reader-pool.ts keeps it for the next import).
 * Entry of `new Worker(...)`; see read-in-worker.ts for the other side.
 */
import { parentPort } from 'node:worker_threads';
import { toSerializedError } from '../../../../shared/errors.ts';
import { readMailInChunks } from '../../mail/index.ts';
import { type ImportItem, toImportItem } from './import-items.ts';
import type { ReaderToStorer, ReadRequest, StorerToReader } from './reader-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('mail-reader-worker.ts runs only as a worker thread.');
let credits = 0;
let wake: (() => void) | null = null;
const post = (message: ReaderToStorer) => port.postMessage(message);

port.on('message', (message: StorerToReader) => {
  if (message.type === 'read') {
    credits = message.request.inFlight;
    read(message.request)
      .then(() => post({ type: 'end' }))
      .catch((error: unknown) => post({ type: 'failed', error: toSerializedError(error) }));
    return;
  }
  credits += 1;
  wake?.();
  wake = null;
});

async function send(items: ImportItem[], read: [string, number] | null): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  post({ type: 'batch', items, read });
}

async function read(request: ReadRequest): Promise<void> {
  let items: ImportItem[] = [];
  let rawBytes = 0;
  let last: [string, number] | null = null;
  let shownBytes = 0;
  let shownFile = '';
  const reading = readMailInChunks(request.paths, {
    // Nothing else runs on this thread: small files cost no trips through the thread pool.
    blocking: true,
    onRead: (file, bytes) => {
      last = [file, bytes];
      // A long message holds no batch back from the progress bar: its bytes are shown as read. A
      // new file is always shown, so files smaller than a step are counted ("file 2 of 2").
      if (file !== shownFile || bytes - shownBytes >= request.progressBytes) {
        shownFile = file;
        shownBytes = bytes;
        post({ type: 'read', file, bytes });
      }
    },
  });
  for await (const chunk of reading) {
    for (const item of chunk) {
      const next = toImportItem(item, request.keepRaw);
      items.push(next);
      if (next.kind === 'message' && next.raw) rawBytes += next.raw.length;
      if (items.length >= request.batchItems || rawBytes >= request.batchBytes) {
        await send(items, last);
        items = [];
        rawBytes = 0;
      }
    }
  }
  await send(items, last);
}
