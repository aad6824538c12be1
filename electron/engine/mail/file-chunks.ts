/**
 * One mail file as a sequence of chunks, decompressed when it is `.gz`, with a count of the
 * file's own bytes read (what progress measures) and a `close` that releases the file at once,
 * whichever way reading ends.
 *
 * A plain file is read into the caller's buffer, one chunk after the other: a chunk is valid only
 * until the next is asked for (the mbox splitter copies what it keeps; a single-message file
 * copies its parts). One buffer for a whole import, not a fresh megabyte per chunk: the reader
 * worker held 12–25 MB of used chunks waiting for a full garbage collection (they live through
 * many scavenges while their messages are parsed, so they were promoted).
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface FileChunks {
  /** The next chunk (valid until the next call); null at the end. */
  next(): Promise<Buffer | null>;
  /** Bytes of the file read so far (compressed bytes for .gz). */
  bytesRead(): number;
  close(): void;
}

export const CHUNK_BYTES = 1024 * 1024;

/** A buffer to read plain files into, one for every file of a read (`openFileChunks`). */
export function readBuffer(): Buffer {
  return Buffer.allocUnsafeSlow(CHUNK_BYTES);
}

/**
 * `blocking`: a plain file is opened and read with blocking calls, for a thread on which nothing
 * else waits (the import's reader worker). A folder of message files is thousands of small files,
 * and each asynchronous open, read, read of the end and close is a trip through the thread pool.
 */
export function openFileChunks(file: string, buffer: Buffer, blocking = false): FileChunks {
  if (/\.gz$/i.test(file)) return gunzipped(file);
  return intoBuffer(blocking ? blockingFile(file) : asyncFile(file), buffer);
}

/** A plain file's calls: asynchronous, or blocking. An open that fails rejects the first read. */
interface PlainFile {
  read(buffer: Buffer): Promise<number>;
  close(): void;
}

function intoBuffer(source: PlainFile, buffer: Buffer): FileChunks {
  let read = 0;
  let closed = false;
  return {
    async next() {
      if (closed) return null;
      const bytesRead = await source.read(buffer);
      read += bytesRead;
      return bytesRead === 0 ? null : buffer.subarray(0, bytesRead);
    },
    bytesRead: () => read,
    close() {
      if (closed) return;
      closed = true;
      source.close();
    },
  };
}

function asyncFile(file: string): PlainFile {
  const opening = open(file, 'r');
  // An open that fails is told by read(); one that ends after close() is closed then.
  opening.catch(() => undefined);
  let handle: FileHandle | null = null;
  return {
    async read(buffer) {
      handle ??= await opening;
      return (await handle.read(buffer, 0, buffer.length, null)).bytesRead;
    },
    close() {
      opening.then((opened) => opened.close()).catch(() => undefined);
    },
  };
}

function blockingFile(file: string): PlainFile {
  let descriptor: number | null = null;
  return {
    async read(buffer) {
      descriptor ??= openSync(file, 'r');
      return readSync(descriptor, buffer, 0, buffer.length, null);
    },
    close() {
      if (descriptor !== null) closeSync(descriptor);
    },
  };
}

function gunzipped(file: string): FileChunks {
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  // pipeline, not pipe: a read error reaches the reader instead of leaving it waiting. Output in
  // 1 MB chunks, not zlib's 16 KB: each chunk is a trip through the thread pool (half the time).
  const output: Readable = pipeline(stream, createGunzip({ chunkSize: CHUNK_BYTES }), () => undefined);
  const iterator = output[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? null : (step.value as Buffer);
    },
    bytesRead: () => stream.bytesRead,
    close() {
      output.destroy();
      stream.destroy();
    },
  };
}
