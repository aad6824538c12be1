/**
 * The one entry point for reading mail from disk: mbox files (mboxo/mboxrd, Takeout), folders of
 * mbox files, folders of message files, and any of them gzip-compressed. Everything streams: a
 * message is read, turned into facts and handed on before the next one is read.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { BriefError } from '../../../shared/errors.ts';
import { factsFromRaw } from './facts.ts';
import { KNOWN_HEADERS, parseHeaderText, skipFromLine } from './headers.ts';
import { folderNameOf, labelsFromFolderName } from './labels.ts';
import { MboxSplitter } from './mbox-splitter.ts';
import type { MessageFacts } from './types.ts';

export type ReadItem =
  | {
      kind: 'message';
      facts: MessageFacts;
      raw: Buffer;
      file: string;
      offset: number;
      folderLabels: string[];
    }
  | { kind: 'skipped'; file: string; offset: number | null; reason: string };

export interface ReadOptions {
  signal?: AbortSignal;
}

const CHUNK_BYTES = 1024 * 1024;
const SNIFF_BYTES = 8192;
const MAILBOX_NAME = /\.(mbox|mbx)(\.gz)?$/i;
const HEADER_START = /^[!-9;-~]+[ \t]*:/;

/** Reads the given files and folders in order; a folder expands to its files in code-point name order. */
export async function* readMail(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const path of paths) {
    throwIfAborted(options.signal);
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      yield { kind: 'skipped', file: path, offset: null, reason: `cannot be opened (${errorCode(error)})` };
      continue;
    }
    if (!isFolder) {
      yield* readMailFile(path, true, options.signal);
      continue;
    }
    for (const file of await listFiles(path)) yield* readMailFile(file, false, options.signal);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BriefError('CANCELLED', 'Reading the mail files was cancelled.');
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}

function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Every file under a folder, depth first, entries in code-point name order. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

async function* wholeFile(file: string): AsyncGenerator<Buffer> {
  yield await readFile(file);
}

function openChunks(file: string, size: number): AsyncIterable<Buffer> {
  const gzip = /\.gz$/i.test(file);
  // A folder of small message files is read one file per call: a stream per file costs more than the reading.
  if (!gzip && size <= CHUNK_BYTES) return wholeFile(file);
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  return gzip ? stream.pipe(createGunzip()) : stream;
}

/** Whether the first bytes are a mail header block (after an optional `From ` line) with a known header. */
export function looksLikeMail(head: Buffer): boolean {
  const text = head.toString('latin1', skipFromLine(head), Math.min(head.length, SNIFF_BYTES));
  if (!HEADER_START.test(text)) return false;
  for (const name of parseHeaderText(text).keys()) if (KNOWN_HEADERS.has(name)) return true;
  return false;
}

function hasNulByte(head: Buffer): boolean {
  return head.subarray(0, SNIFF_BYTES).includes(0);
}

async function* readMailFile(
  file: string,
  standalone: boolean,
  signal?: AbortSignal,
): AsyncGenerator<ReadItem> {
  const ownLabels = labelsFromFolderName(folderNameOf(basename(file)));
  const parentLabels = labelsFromFolderName(folderNameOf(basename(dirname(file))));
  let iterator: AsyncIterator<Buffer>;
  let first: Buffer;
  try {
    iterator = openChunks(file, (await stat(file)).size)[Symbol.asyncIterator]();
    const step = await iterator.next();
    if (step.done) {
      yield { kind: 'skipped', file, offset: null, reason: 'empty file' };
      return;
    }
    first = step.value;
  } catch (error) {
    yield { kind: 'skipped', file, offset: null, reason: `cannot be read (${errorCode(error)})` };
    return;
  }
  // A UTF-8 byte-order mark (some Windows tools write one) is not part of the message.
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  first = first.subarray(bom);
  if (hasNulByte(first)) {
    await iterator.return?.();
    yield { kind: 'skipped', file, offset: null, reason: 'binary file, not a mail message' };
    return;
  }
  const mailbox = MAILBOX_NAME.test(file);
  const startsWithSeparator = first.toString('latin1', 0, 5) === 'From ';
  if (!mailbox && !startsWithSeparator) {
    if (!looksLikeMail(first)) {
      await iterator.return?.();
      yield {
        kind: 'skipped',
        file,
        offset: null,
        reason: 'not a mail message: no mail header block at the start',
      };
      return;
    }
    const chunks = [first];
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) chunks.push(step.value);
    yield messageItem(Buffer.concat(chunks), file, bom, standalone ? ownLabels : parentLabels);
    return;
  }
  // A file of one message with a leading `From ` line is a message file in its folder; one that
  // holds several messages (or is named .mbox/.mbx) is a mail folder of its own.
  let labels = mailbox || standalone ? ownLabels : parentLabels;
  let held: { raw: Buffer; offset: number } | null = null;
  let count = 0;
  const splitter = new MboxSplitter();
  try {
    for (let chunk: Buffer | null = first; chunk !== null; ) {
      for (const message of splitter.push(chunk)) {
        count += 1;
        if (count === 2) labels = ownLabels;
        if (held) yield messageItem(held.raw, file, held.offset + bom, labels);
        held = message;
        throwIfAborted(signal);
      }
      const step = await iterator.next();
      chunk = step.done ? null : step.value;
    }
  } catch (error) {
    if (error instanceof BriefError) throw error;
    if (held) yield messageItem(held.raw, file, held.offset + bom, labels);
    yield { kind: 'skipped', file, offset: null, reason: `reading stopped early (${errorCode(error)})` };
    return;
  }
  for (const message of splitter.end()) {
    count += 1;
    if (count === 2) labels = ownLabels;
    if (held) yield messageItem(held.raw, file, held.offset + bom, labels);
    held = message;
  }
  if (held) yield messageItem(held.raw, file, held.offset + bom, labels);
  if (count === 0) yield { kind: 'skipped', file, offset: null, reason: 'no messages in this mailbox file' };
}

function messageItem(raw: Buffer, file: string, offset: number, folderLabels: string[]): ReadItem {
  try {
    const facts = factsFromRaw(raw, { folderLabels, file });
    return { kind: 'message', facts, raw, file, offset, folderLabels };
  } catch (error) {
    if (error instanceof BriefError && error.code === 'UNSUPPORTED_INPUT') {
      return {
        kind: 'skipped',
        file,
        offset,
        reason: 'no readable mail header (From, Date, Subject, Message-ID…)',
      };
    }
    return { kind: 'skipped', file, offset, reason: `could not be read (${String(error)})` };
  }
}
