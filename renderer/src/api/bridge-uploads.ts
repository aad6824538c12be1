/**
 * Files a person drops in the browser, sent to `brief serve` (electron/cli/uploads.ts): a page
 * cannot name a file's path, so the bytes go to the service, which saves them where the engine
 * can import them. XMLHttpRequest rather than fetch, for the progress of large Takeout files.
 */
import { BriefError, isErrorCode } from '../../../shared/errors.ts';

/** One file to send, under its path inside what was dropped (`Mail/Sent.mbox`, or just its name). */
export interface UploadItem {
  file: File;
  path: string;
}

export type Uploader = (
  items: readonly UploadItem[],
  onProgress: (sent: number) => void,
) => Promise<string[]>;

function failure(body: unknown, status: number): BriefError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && isErrorCode(error.code) && typeof error.message === 'string')
    return new BriefError(error.code, error.message);
  return new BriefError('INTERNAL', `The 360Brief service answered ${status} to a file upload. Try again.`);
}

function send<T>(
  method: 'POST' | 'PUT',
  url: string,
  token: string,
  body: File | null,
  onProgress?: (loaded: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    if (onProgress) request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      const answer = request.response as { ok?: boolean; value?: T } | null;
      if (request.status === 200 && answer?.ok) resolve(answer.value as T);
      else reject(failure(answer, request.status));
    };
    request.onerror = () =>
      reject(
        new BriefError('NETWORK', 'The file could not reach the 360Brief service. Check that it still runs.'),
      );
    request.send(body);
  });
}

/** Sends the files as one batch; answers the paths to import (each top-level file or folder once). */
export function createUploader(origin: string, token: string): Uploader {
  return async (items, onProgress) => {
    const { batch } = await send<{ batch: string }>('POST', `${origin}/uploads`, token, null);
    const paths = new Set<string>();
    let done = 0;
    for (const item of items) {
      const url = `${origin}/uploads/${batch}?path=${encodeURIComponent(item.path)}`;
      const { path } = await send<{ path: string }>('PUT', url, token, item.file, (loaded) =>
        onProgress(done + loaded),
      );
      done += item.file.size;
      onProgress(done);
      paths.add(path);
    }
    return [...paths];
  };
}
