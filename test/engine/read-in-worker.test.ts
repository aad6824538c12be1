/**
 * The import's reader worker (read-in-worker.ts): what it hands the storing thread is exactly
 * what reading in this thread gives (facts, raw bytes, skips, cuts), a cancel stops it, and a
 * reader that dies is an error with a sentence, never a short import that looks complete. A kept
 * reader reads the next import's files ahead, and what it read is that import's, or dropped.
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { writeMbox } from '../../electron/engine/mail/generator/index.ts';
import type { ImportItem } from '../../electron/engine/sources/import/import-items.ts';
import {
  findReaderScript,
  type ImportReadOptions,
  readerWindow,
  readImportItems,
} from '../../electron/engine/sources/import/read-in-worker.ts';
import {
  acquireReader,
  readAheadEnded,
  releaseReader,
} from '../../electron/engine/sources/import/reader-pool.ts';
import { CORPORA, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { REPLY_WALK_PATHS, tempFolder } from './helpers.ts';
import { readToEnd } from './reader-request.ts';

const MIXED = [join(CORPORA, 'fixtures', 'notmuch-test-corpora'), join(CORPORA, 'enron', 'allen-p')];

async function readAll(paths: string[], options: ImportReadOptions): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  // Raw bytes compared as bytes: a Buffer here, a plain Uint8Array from the worker.
  for await (const item of readImportItems(paths, options)) {
    items.push(item.kind === 'message' && item.raw ? { ...item, raw: new Uint8Array(item.raw) } : item);
  }
  return items;
}

describe('reading an import in a worker thread', () => {
  it('finds its worker script beside the sources', () => {
    expect(findReaderScript()?.pathname).toMatch(/mail-reader-worker\.ts$/);
  });

  it.skipIf(skipWithoutCorpora)(
    `gives the same messages, skips, cuts and progress as reading in this thread${withoutCorporaNote}`,
    async () => {
      const progress: Array<[string, number]> = [];
      const inWorker = await readAll(MIXED, {
        keepRaw: false,
        onRead: (file, bytes) => progress.push([file, bytes]),
      });
      const here = await readAll(MIXED, { keepRaw: false, readerUrl: null });
      expect(inWorker.length).toBeGreaterThan(1000);
      expect(inWorker.some((item) => item.kind === 'skipped')).toBe(true);
      expect(inWorker).toEqual(here);
      // Progress reaches the end of the last file.
      expect(progress.at(-1)?.[0]).toBe(inWorker.at(-1)?.file);
    },
  );

  it('hands the raw bytes over when the account keeps them', async () => {
    const inWorker = await readAll(REPLY_WALK_PATHS, { keepRaw: true });
    const here = await readAll(REPLY_WALK_PATHS, { keepRaw: true, readerUrl: null });
    expect(inWorker.every((item) => item.kind === 'message' && item.raw !== null)).toBe(true);
    expect(inWorker).toEqual(here);
    const withoutRaw = await readAll(REPLY_WALK_PATHS, { keepRaw: false });
    expect(withoutRaw.every((item) => item.kind === 'message' && item.raw === null)).toBe(true);
  });

  it.skipIf(skipWithoutCorpora)(
    `stops with CANCELLED when the signal aborts mid-way${withoutCorporaNote}`,
    async () => {
      const abort = new AbortController();
      let seen = 0;
      const reading = async () => {
        for await (const _ of readImportItems(MIXED, { keepRaw: false, signal: abort.signal })) {
          seen += 1;
          if (seen === 10) abort.abort();
        }
      };
      await expect(reading()).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(seen).toBe(10);
    },
  );

  it('fails with a sentence when the reader stops before the end', async () => {
    const script = join(tempFolder(), 'dies.mjs');
    writeFileSync(script, 'process.exit(3);\n');
    const reading = readAll(REPLY_WALK_PATHS, { keepRaw: false, readerUrl: pathToFileURL(script) });
    await expect(reading).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The mail reader stopped early. Start the import again.',
    });
  });

  it('keeps a reader that ended cleanly for the next import, and never one stopped mid-read', async () => {
    const url = findReaderScript()!;
    const first = acquireReader(url);
    await releaseReader(first, url, true);
    const again = acquireReader(url);
    expect(again).toBe(first);
    await releaseReader(again, url, false);
    const fresh = acquireReader(url);
    expect(fresh).not.toBe(first);
    await releaseReader(fresh, url, false);
  });

  it('keeps the reader after a read only when asked to (another import waits)', async () => {
    const url = findReaderScript()!;
    const reused = async (keep: boolean) => {
      const idle = acquireReader(url);
      await releaseReader(idle, url, true);
      // The read takes the idle reader and, at its end, keeps it or ends it.
      await readAll(REPLY_WALK_PATHS, { keepRaw: false, keepReader: () => keep });
      const next = acquireReader(url);
      await releaseReader(next, url, false);
      return next === idle;
    };
    expect(await reused(true)).toBe(true);
    expect(await reused(false)).toBe(false);
  });

  it.skipIf(skipWithoutCorpora)(`reads whole again after a cancelled read${withoutCorporaNote}`, async () => {
    const abort = new AbortController();
    const cancelled = async () => {
      for await (const _ of readImportItems(MIXED, { keepRaw: false, signal: abort.signal })) abort.abort();
    };
    await expect(cancelled()).rejects.toMatchObject({ code: 'CANCELLED' });
    const after = await readAll(REPLY_WALK_PATHS, { keepRaw: false });
    expect(after).toEqual(await readAll(REPLY_WALK_PATHS, { keepRaw: false, readerUrl: null }));
  });

  it('reads a whole store batch ahead while the storer writes it (takes no batch)', async () => {
    const mbox = join(tempFolder(), 'thousand.mbox');
    await writeMbox(mbox, {
      seed: 5,
      messages: 1000,
      identities: ['me@example.com'],
      end: Date.UTC(2026, 0, 1),
      years: 1,
    });
    const worker = new Worker(findReaderScript()!);
    try {
      let read = 0;
      // The storer never answers 'more': with the window the executor asks for (its 1,000-message
      // writes), the reader still reaches the end. With two batches in flight it waited for ever.
      await readToEnd(worker, { paths: [mbox], inFlight: readerWindow(1000) }, (message) => {
        if (message.type === 'batch') read += message.items.length;
      });
      expect(read).toBe(1000);
    } finally {
      await worker.terminate();
    }
  });

  it('reads the next import ahead as the reading before ends, and hands exactly that to it', async () => {
    // The next import's file is removed once read ahead: only a read-ahead can still give its messages.
    const next = join(tempFolder(), 'next.mbox');
    copyFileSync(REPLY_WALK_PATHS[1]!, next);
    const expected = await readAll([next], { keepRaw: false, readerUrl: null });
    expect(expected.length).toBeGreaterThan(0);
    await readAll([REPLY_WALK_PATHS[0]!], {
      keepRaw: false,
      readAhead: () => ({ paths: [next], keepRaw: false }),
    });
    expect(await readAheadEnded()).toBe(true);
    rmSync(next);
    expect(await readAll([next], { keepRaw: false })).toEqual(expected);
  });

  it('drops a read-ahead of other files or read another way, and reads what is asked', async () => {
    const read = async (paths: string[], keepRaw: boolean) => {
      await readAll([REPLY_WALK_PATHS[0]!], {
        keepRaw: false,
        readAhead: () => ({ paths: [REPLY_WALK_PATHS[1]!], keepRaw: false }),
      });
      const items = await readAll(paths, { keepRaw });
      expect(items).toEqual(await readAll(paths, { keepRaw, readerUrl: null }));
    };
    await read([REPLY_WALK_PATHS[0]!], false);
    await read([REPLY_WALK_PATHS[1]!], true);
  });

  it.skipIf(skipWithoutCorpora)(
    `takes a read-ahead bigger than the next import's window whole, batch after batch${withoutCorporaNote}`,
    async () => {
      // Beck's mailbox is many windows long: the read-ahead stops at its window and goes on as
      // the import takes batches, and the import gets every message once, in order.
      const beck = [join(CORPORA, 'enron', 'beck-s')];
      await readAll(REPLY_WALK_PATHS, {
        keepRaw: false,
        readAhead: () => ({ paths: beck, keepRaw: false }),
      });
      const ahead = await readAll(beck, { keepRaw: false, heldByStorer: 1000 });
      expect(ahead).toEqual(await readAll(beck, { keepRaw: false, readerUrl: null }));
    },
  );
});
