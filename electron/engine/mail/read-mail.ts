/**
 * The one entry point for reading mail from disk: mbox files (mboxo/mboxrd, Takeout), folders of
 * mbox files, folders of message files, and any of them gzip-compressed. Everything streams: a
 * message is read, turned into facts and handed on before the next one is read; of a message
 * longer than `maxMessageBytes` only the first bytes are kept; a cancel is seen at every chunk.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BriefError } from '../../../shared/errors.ts';
import { factsFromRaw } from './facts.ts';
import { type FileChunks, openFileChunks, readBuffer } from './file-chunks.ts';
import { hasKnownHeaderLine, skipFromLine } from './headers.ts';
import { folderNameOf, labelsFromFolderName } from './labels.ts';
import { MAX_MESSAGE_BYTES, type MboxMessage, MboxSplitter } from './mbox-splitter.ts';
import type { MessageFacts } from './types.ts';

export type ReadItem =
  | {
      kind: 'message';
      facts: MessageFacts;
      /** The message's bytes: all of them, or the first `maxMessageBytes` of a longer one. */
      raw: Buffer;
      /** The message's full length in bytes. */
      size: number;
      /** Whether `raw` holds only the first `maxMessageBytes` of it. */
      truncated: boolean;
      file: string;
      offset: number;
      folderLabels: string[];
    }
  | { kind: 'skipped'; file: string; offset: number | null; reason: string };

export interface ReadOptions {
  signal?: AbortSignal;
  /** Told after each chunk: how many bytes of `file` were read (compressed bytes for .gz). */
  onRead?: (file: string, bytesRead: number) => void;
  /** Bytes of one message kept (default 64 MB); the rest is read past, not held. */
  maxMessageBytes?: number;
  /** Plain files read with blocking calls: only on a thread nothing else waits on (file-chunks.ts). */
  blocking?: boolean;
}

const SNIFF_BYTES = 8192;
/** Messages of an mbox handed on in one step of `readMailInChunks` at the most. */
const STEP_MESSAGES = 100;
/**
 * An mbox chunk is given to the splitter this much at a time, and the messages that end in each
 * piece are read before the next: a megabyte's ≈ 500 messages (their copies, facts and items) were
 * alive together while read in steps, lived through the reader's scavenges and were promoted, and
 * the old generation they filled cost ten full collections over the four Enron users instead of
 * one (a quarter of the reading's process CPU, docs/import.md round 9). Reads stay a megabyte.
 */
const SPLIT_BYTES = 32 * 1024;
const MAILBOX_NAME = /\.(mbox|mbx)(\.gz)?$/i;
const HEADER_START = /^[!-9;-~]+[ \t]*:/;

/** Reads the given files and folders in order; a folder expands to its files in code-point name order. */
export async function* readMail(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for await (const items of readMailInChunks(paths, options)) yield* items;
}

/**
 * `readMail`'s items, handed on a chunk's worth at a time (the messages that ended in one read,
 * or in 32 KB of an mbox, a hundred at the most): one step of the nested generators per chunk
 * rather than per message, whose promises and steps cost the reader as much as reading a
 * message's dates and addresses.
 */
export async function* readMailInChunks(
  paths: string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[]> {
  // Every plain file of this read is read into one buffer (file-chunks.ts).
  const buffer = readBuffer();
  for (const path of paths) {
    throwIfAborted(options.signal);
    let kind: 'folder' | 'file' | 'other';
    try {
      const info = await stat(path);
      kind = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
    } catch (error) {
      yield [{ kind: 'skipped', file: path, offset: null, reason: `cannot be opened (${errorCode(error)})` }];
      continue;
    }
    // A pipe or a device would block or never end: never opened.
    if (kind === 'other') yield [{ kind: 'skipped', file: path, offset: null, reason: 'not a regular file' }];
    else if (kind === 'file') yield* readMailFile(path, true, options, buffer);
    else for (const file of await listFiles(path)) yield* readMailFile(file, false, options, buffer);
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

/** Whether the first bytes are a mail header block (after an optional `From ` line) with a known header. */
export function looksLikeMail(head: Buffer): boolean {
  const text = head.toString('latin1', skipFromLine(head), Math.min(head.length, SNIFF_BYTES));
  return HEADER_START.test(text) && hasKnownHeaderLine(text);
}

function hasNulByte(head: Buffer): boolean {
  return head.subarray(0, SNIFF_BYTES).includes(0);
}

async function* readMailFile(
  file: string,
  standalone: boolean,
  options: ReadOptions,
  buffer: Buffer,
): AsyncGenerator<ReadItem[]> {
  let source: FileChunks | null = null;
  try {
    let first: Buffer | null;
    try {
      source = openFileChunks(file, buffer, options.blocking);
      first = await source.next();
    } catch (error) {
      yield [{ kind: 'skipped', file, offset: null, reason: `cannot be read (${errorCode(error)})` }];
      return;
    }
    if (first === null) {
      yield [{ kind: 'skipped', file, offset: null, reason: 'empty file' }];
      return;
    }
    yield* readOpened(new OpenFile(file, source, standalone, options), first);
  } finally {
    source?.close();
  }
}

/** A file being read: its chunks (each one a point where a cancel is seen), labels and options. */
class OpenFile {
  readonly file: string;
  readonly source: FileChunks;
  readonly standalone: boolean;
  readonly options: ReadOptions;
  readonly ownLabels: string[];
  readonly parentLabels: string[];
  readonly maxMessageBytes: number;

  constructor(file: string, source: FileChunks, standalone: boolean, options: ReadOptions) {
    this.file = file;
    this.source = source;
    this.standalone = standalone;
    this.options = options;
    this.ownLabels = labelsFromFolderName(folderNameOf(basename(file)));
    this.parentLabels = labelsFromFolderName(folderNameOf(basename(dirname(file))));
    this.maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  }

  async next(): Promise<Buffer | null> {
    const chunk = await this.source.next();
    throwIfAborted(this.options.signal);
    if (chunk !== null) this.options.onRead?.(this.file, this.source.bytesRead());
    return chunk;
  }

  stoppedEarly(error: unknown): ReadItem {
    if (error instanceof BriefError) throw error;
    return {
      kind: 'skipped',
      file: this.file,
      offset: null,
      reason: `reading stopped early (${errorCode(error)})`,
    };
  }
}

async function* readOpened(open: OpenFile, firstChunk: Buffer): AsyncGenerator<ReadItem[]> {
  const { file } = open;
  throwIfAborted(open.options.signal);
  open.options.onRead?.(file, open.source.bytesRead());
  // A UTF-8 byte-order mark (some Windows tools write one) is not part of the message.
  const bom = firstChunk[0] === 0xef && firstChunk[1] === 0xbb && firstChunk[2] === 0xbf ? 3 : 0;
  const first = firstChunk.subarray(bom);
  // Mail is recognised by its structure; a NUL byte (mail has them) only marks the rest as binary.
  const structured = looksLikeMail(first);
  if (!structured && hasNulByte(first)) {
    yield [{ kind: 'skipped', file, offset: null, reason: 'binary file, not a mail message' }];
    return;
  }
  const mailbox = MAILBOX_NAME.test(file);
  const startsWithSeparator = first.toString('latin1', 0, 5) === 'From ';
  if (mailbox || startsWithSeparator) {
    yield* readMailbox(open, first, bom, mailbox);
    return;
  }
  if (!structured) {
    yield [
      {
        kind: 'skipped',
        file,
        offset: null,
        reason: 'not a mail message: no mail header block at the start',
      },
    ];
    return;
  }
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let size = 0;
  let failure: ReadItem | null = null;
  try {
    for (let chunk: Buffer | null = first; chunk !== null; chunk = await open.next()) {
      size += chunk.length;
      // Past the cap the bytes are read (to the end of the file) but not held.
      if (keptBytes >= open.maxMessageBytes) continue;
      // A copy: the chunk's buffer is read into again for the next chunk.
      const part = Buffer.from(chunk.subarray(0, open.maxMessageBytes - keptBytes));
      kept.push(part);
      keptBytes += part.length;
    }
  } catch (error) {
    failure = open.stoppedEarly(error);
  }
  const labels = open.standalone ? open.ownLabels : open.parentLabels;
  const raw = Buffer.concat(kept);
  const item = messageItem({ raw, size, offset: 0, truncated: size > keptBytes }, open, bom, labels);
  yield failure ? [item, failure] : [item];
}

/** A file of one message with a leading `From ` line is a message file in its folder; one that
 * holds several messages (or is named .mbox/.mbx) is a mail folder of its own. */
async function* readMailbox(
  open: OpenFile,
  first: Buffer,
  bom: number,
  mailbox: boolean,
): AsyncGenerator<ReadItem[]> {
  let labels = mailbox || open.standalone ? open.ownLabels : open.parentLabels;
  // A message is held until the next one is seen: only a second message makes the file a mailbox.
  let held: MboxMessage | null = null;
  let count = 0;
  const splitter = new MboxSplitter({ maxMessageBytes: open.maxMessageBytes });
  const take = (messages: MboxMessage[], items: ReadItem[]) => {
    for (const message of messages) {
      count += 1;
      if (count === 2) labels = open.ownLabels;
      if (held) items.push(messageItem(held, open, bom, labels));
      held = message;
      throwIfAborted(open.options.signal);
    }
    return items;
  };
  try {
    for (let chunk: Buffer | null = first; chunk !== null; chunk = await open.next()) {
      for (let at = 0; at < chunk.length; at += SPLIT_BYTES) {
        const messages = splitter.push(chunk.subarray(at, at + SPLIT_BYTES));
        // In steps of a hundred: 32 KB of the shortest messages is ≈ 200 facts held at once.
        for (let from = 0; from < messages.length; from += STEP_MESSAGES) {
          const items = take(messages.slice(from, from + STEP_MESSAGES), []);
          if (items.length > 0) yield items;
        }
      }
    }
  } catch (error) {
    const failure = open.stoppedEarly(error);
    yield held ? [messageItem(held, open, bom, labels), failure] : [failure];
    return;
  }
  const items = take(splitter.end(), []);
  if (held) items.push(messageItem(held, open, bom, labels));
  if (count === 0)
    items.push({
      kind: 'skipped',
      file: open.file,
      offset: null,
      reason: 'no messages in this mailbox file',
    });
  if (items.length > 0) yield items;
}

function messageItem(message: MboxMessage, open: OpenFile, bom: number, folderLabels: string[]): ReadItem {
  const { file } = open;
  const offset = message.offset + bom;
  try {
    const facts = factsFromRaw(message.raw, { folderLabels, file });
    // The bytes as read (`>From ` unescaped); of a message cut short, its length in the file.
    if (message.truncated) facts.size = message.size;
    const { raw, size, truncated } = message;
    return { kind: 'message', facts, raw, size, truncated, file, offset, folderLabels };
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
