/** The messages between the import's storing thread and its reader worker (mail-reader-worker.ts). */
import type { SerializedError } from '../../../../shared/errors.ts';
import type { ImportItem } from './import-items.ts';

export interface ReadRequest {
  paths: string[];
  keepRaw: boolean;
  /** Batches posted and not yet taken by the storing thread; the reader waits past this many. */
  inFlight: number;
  /** A batch is posted at this many items, or earlier at this many bytes of raw data. */
  batchItems: number;
  batchBytes: number;
  /** A file's progress is posted on its own every this many bytes read (long messages). */
  progressBytes: number;
}

export type StorerToReader =
  /** Read these files (a worker reads one request at a time, and may be given another after `end`). */
  | { type: 'read'; request: ReadRequest }
  /** The storing thread took a batch: the reader may post one more. */
  | { type: 'more' };

export type ReaderToStorer =
  /** `read`: the last file and bytes read when the batch was posted. */
  | { type: 'batch'; items: ImportItem[]; read: [string, number] | null }
  | { type: 'read'; file: string; bytes: number }
  | { type: 'end' }
  | { type: 'failed'; error: SerializedError };
