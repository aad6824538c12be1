/**
 * The import's messages, read in a worker thread (mail-reader-worker.ts) while this thread
 * stores the ones before: the two halves of an import cost about the same, so they overlap.
 * The worker is kept for the next import (reader-pool.ts), and starts reading that import's files
 * as soon as this one's are read (`readAhead`). Where the worker's script cannot be found (a build
 * without it), the messages are read here, one after the other, with the same results.
 */
import { BriefError, fromSerializedError } from '../../../../shared/errors.ts';
import { readMailInChunks } from '../../mail/index.ts';
import { findWorkerScript } from '../../worker-script.ts';
import { type ImportItem, toImportItem } from './import-items.ts';
import { acquireReader, adoptReadAhead, readAheadKey, releaseReader } from './reader-pool.ts';
import type { ReaderToStorer, ReadRequest, StorerToReader } from './reader-protocol.ts';

export interface ImportReadOptions {
  keepRaw: boolean;
  signal?: AbortSignal;
  /** Told as the files are read: how many bytes of `file` (compressed bytes for .gz). */
  onRead?: (file: string, bytes: number) => void;
  /** The reader worker's script; null reads in this thread. Default: found beside this module. */
  readerUrl?: URL | null;
  /**
   * Asked when the reading ends: whether to keep the worker for the next import (reader-pool.ts).
   * An import with none queued after it ends the worker at once, so its memory (an isolate and
   * its heap, ≈ 40 MB) is not held through the re-derivation that follows. Default: keep it.
   */
  keepReader?: () => boolean;
  /**
   * Asked when the reading ends: the next import's files, which the kept worker then reads ahead
   * while this import stores its last batch and derives its account (the reader would wait
   * through that). Null when no import follows or its files are not known yet. Default: none.
   */
  readAhead?: () => Pick<ReadRequest, 'paths' | 'keepRaw'> | null;
  /**
   * Messages the storing thread holds before it writes them (one transaction per so many): the
   * reader may run this far ahead, so it keeps reading while they are written. Default: 0.
   */
  heldByStorer?: number;
}

/** Small batches: what the reader holds survives its scavenges (reader-pool.ts), and fewer messages wait between the threads. */
const BATCH_ITEMS = 100;

const READ_SETTINGS: Omit<ReadRequest, 'paths' | 'keepRaw' | 'inFlight'> = {
  batchItems: BATCH_ITEMS,
  batchBytes: 16 * 1024 * 1024,
  progressBytes: 4 * 1024 * 1024,
};

/**
 * Batches the reader may post before the storer takes one: enough for every message the storer
 * holds until its next write, and two more. With only two, the reader waited through each write
 * of 1,000 messages (≈ 0.45 s of the four Enron users' import, a fifth of it), since the storer
 * takes no batch while it writes. What waits in the port is serialised (≈ 1–2 KB a message).
 */
export function readerWindow(heldByStorer: number): number {
  return Math.ceil(heldByStorer / BATCH_ITEMS) + 2;
}

/**
 * A read-ahead may post this many windows before its import takes a batch: it runs while the
 * import before it writes its last batch and derives its account (30–90 ms of the storing thread
 * for each of the four Enron users), and one window of 1,200 messages is ≈ 50 ms of reading.
 * What waits is serialised in the port (≈ 1–2 KB a message).
 */
const READ_AHEAD_WINDOWS = 2;

/**
 * Where the reader worker's script is: beside this module in the sources, and the build's
 * `mail-reader.js` entry beside the bundle that holds the engine (out/main/ or out/main/chunks/).
 */
const CANDIDATES = ['./mail-reader-worker.ts', './mail-reader.js', '../mail-reader.js'];

export function findReaderScript(): URL | null {
  return findWorkerScript(import.meta.url, CANDIDATES);
}

const cancelled = () => new BriefError('CANCELLED', 'Reading the mail files was cancelled.');

/** The import's items one by one (`readImportBatches` without the batches), checking the cancel at each. */
export async function* readImportItems(
  paths: string[],
  options: ImportReadOptions,
): AsyncGenerator<ImportItem> {
  for await (const items of readImportBatches(paths, options)) {
    for (const item of items) {
      if (options.signal?.aborted) throw cancelled();
      yield item;
    }
  }
}

/**
 * The import's items in the batches the reader posts them in (a chunk of the files' messages when
 * read in this thread): one step of the generator a batch, not a message, whose promises were
 * a seventh of what the storing thread allocated. The cancel is checked at each batch.
 */
export async function* readImportBatches(
  paths: string[],
  options: ImportReadOptions,
): AsyncGenerator<ImportItem[]> {
  const readerUrl = options.readerUrl === undefined ? findReaderScript() : options.readerUrl;
  if (readerUrl === null) {
    const reading = readMailInChunks(paths, { signal: options.signal, onRead: options.onRead });
    for await (const items of reading) yield items.map((item) => toImportItem(item, options.keepRaw));
    return;
  }
  yield* readInWorker(readerUrl, paths, options);
}

async function* readInWorker(
  readerUrl: URL,
  paths: string[],
  options: ImportReadOptions,
): AsyncGenerator<ImportItem[]> {
  const { signal, onRead } = options;
  if (signal?.aborted) throw cancelled();
  const inFlight = readerWindow(options.heldByStorer ?? 0);
  const request = (read: Pick<ReadRequest, 'paths' | 'keepRaw'>, window = inFlight): ReadRequest => ({
    ...read,
    inFlight: window,
    ...READ_SETTINGS,
  });
  // Read ahead by the worker kept from the import before (its first messages may be here already).
  const adopted = adoptReadAhead(readerUrl, readAheadKey({ paths, keepRaw: options.keepRaw }));
  const worker = adopted?.worker ?? acquireReader(readerUrl);
  const inbox: ReaderToStorer[] = adopted?.messages ?? [];
  let failure: BriefError | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const stop = (error: BriefError) => {
    failure ??= error;
    wake?.();
  };
  worker.on('message', (message: ReaderToStorer) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (error) =>
    stop(
      new BriefError('INTERNAL', `Reading the mail files failed: ${String(error)}. Start the import again.`),
    ),
  );
  worker.on('exit', () => {
    if (!ended) stop(new BriefError('INTERNAL', 'The mail reader stopped early. Start the import again.'));
  });
  const onAbort = () => stop(cancelled());
  signal?.addEventListener('abort', onAbort);
  const post = (message: StorerToReader) => worker.postMessage(message);
  if (adopted === null) post({ type: 'read', request: request({ paths, keepRaw: options.keepRaw }) });
  // A read-ahead was given a wider window: the first batches taken are not answered, so the window
  // is this import's own from then on.
  let unanswered = adopted === null ? 0 : Math.max(0, adopted.inFlight - inFlight);
  try {
    for (;;) {
      while (inbox.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (failure !== null) throw failure;
      const message = inbox.shift()!;
      if (message.type === 'end') {
        ended = true;
        return;
      }
      if (message.type === 'failed') throw fromSerializedError(message.error);
      if (message.type === 'read') {
        onRead?.(message.file, message.bytes);
        continue;
      }
      // Taken: the reader reads the next batch while this one is stored.
      if (unanswered > 0) unanswered -= 1;
      else post({ type: 'more' });
      if (message.read) onRead?.(...message.read);
      if (signal?.aborted) throw cancelled();
      yield message.items;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Only a reader that reached the end of its request is clean enough to read the next one.
    const clean = ended;
    ended = true;
    const next = clean ? (options.readAhead?.() ?? null) : null;
    const keep = clean && (next !== null || (options.keepReader?.() ?? true));
    const ahead = next === null ? undefined : request(next, inFlight * READ_AHEAD_WINDOWS);
    await releaseReader(worker, readerUrl, keep, ahead);
  }
}
