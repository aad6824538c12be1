/**
 * One mail file as a sequence of chunks, decompressed when it is `.gz`, with a count of the
 * file's own bytes read (what progress measures) and a `close` that releases the file at once,
 * whichever way reading ends.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface FileChunks {
  /** The next chunk; null at the end. */
  next(): Promise<Buffer | null>;
  /** Bytes of the file read so far (compressed bytes for .gz). */
  bytesRead(): number;
  close(): void;
}

const CHUNK_BYTES = 1024 * 1024;

export function openFileChunks(file: string, size: number): FileChunks {
  const gzip = /\.gz$/i.test(file);
  // A folder of small message files is read one file per call: a stream per file costs more than the reading.
  if (!gzip && size <= CHUNK_BYTES) return wholeFile(file);
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  // pipeline, not pipe: a read error reaches the reader instead of leaving it waiting. Output in
  // 1 MB chunks, not zlib's 16 KB: each chunk is a trip through the thread pool (half the time).
  const output: Readable = gzip
    ? pipeline(stream, createGunzip({ chunkSize: CHUNK_BYTES }), () => undefined)
    : stream;
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

function wholeFile(file: string): FileChunks {
  let read = 0;
  let done = false;
  return {
    async next() {
      if (done) return null;
      done = true;
      const bytes = await readFile(file);
      read = bytes.length;
      return bytes;
    },
    bytesRead: () => read,
    close() {
      done = true;
    },
  };
}
