/**
 * Drives the import's reader worker (mail-reader-worker.ts) by its protocol, as the storing thread
 * would, but never answering 'more': the messages it posts are handed to `onMessage`, and the
 * promise settles when it ends its request (or fails).
 */
import type { Worker } from 'node:worker_threads';
import type { ReaderToStorer, ReadRequest } from '../../electron/engine/sources/import/reader-protocol.ts';

export function readToEnd<Message extends { type: string } = never>(
  worker: Worker,
  request: Pick<ReadRequest, 'paths' | 'inFlight'>,
  onMessage: (message: ReaderToStorer | Message) => void = () => {},
): Promise<void> {
  const ended = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: ReaderToStorer | Message) => {
      onMessage(message);
      if (message.type === 'end') resolve();
      if (message.type === 'failed')
        reject(new Error((message as ReaderToStorer & { type: 'failed' }).error.message));
    });
    worker.on('error', reject);
  });
  const full: ReadRequest = {
    keepRaw: false,
    batchItems: 100,
    batchBytes: 1 << 20,
    progressBytes: 1 << 20,
    ...request,
  };
  worker.postMessage({ type: 'read', request: full });
  return ended;
}
