/**
 * Files a browser drops on the dashboard, sent to `brief serve` so the engine can import them: a
 * page cannot hand over a path, only the bytes. `POST /uploads` opens a batch (a private folder);
 * `PUT /uploads/<batch>?path=<relative path>` streams one file into it, keeping a dropped
 * folder's layout (folder names become labels, as on import), and answers the absolute path of
 * its top-level item for `import.start`. The files live in the process's private temporary
 * folder: a batch is removed once its import completes, everything when the bridge stops, and
 * what a killed run left behind at the next start.
 */
import { createWriteStream, mkdirSync, rmSync, statfsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BriefError } from '../../shared/errors.ts';
import { type Engine, makeTempFolder, removeStaleTempFolders } from '../engine/index.ts';
import { sendError, sendJson } from './http-api.ts';

const MAX_SEGMENTS = 32;
const MAX_SEGMENT_LENGTH = 255;
/** Room left on the temporary disk after an upload, so the import and the system can still write. */
const HEADROOM_BYTES = 256 * 1024 * 1024;

export interface Uploads {
  /** Answers `/uploads…`; false when the path is not an upload route. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
  close(): void;
}

/** The path's segments, each a plain name: no `.`/`..`, no separators or control characters. */
function relativeSegments(raw: string | null): string[] {
  const segments = (raw ?? '').split('/');
  const plain = (segment: string) =>
    segment.length > 0 &&
    segment.length <= MAX_SEGMENT_LENGTH &&
    segment !== '.' &&
    segment !== '..' &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
    !/[\\\u0000-\u001f]/.test(segment);
  if (segments.length === 0 || segments.length > MAX_SEGMENTS || !segments.every(plain)) {
    throw new BriefError(
      'VALIDATION',
      'Each file needs its name, or its path inside the dropped folder, as ?path=folder/name.mbox (no "..", no backslashes).',
    );
  }
  return segments;
}

function declaredLength(request: IncomingMessage): number {
  const length = Number(request.headers['content-length']);
  if (!Number.isSafeInteger(length) || length < 0)
    throw new BriefError('VALIDATION', 'Send the file with its Content-Length, as browsers do.');
  return length;
}

export function createUploads(engine: Engine): Uploads {
  removeStaleTempFolders(undefined, ['uploads']);
  let root: string | null = null;
  const batches = new Map<string, string>();
  let next = 1;
  const folderOf = (id: string) => {
    const folder = batches.get(id);
    if (!folder) throw new BriefError('NOT_FOUND', `There is no upload batch ${id}: drop the files again.`);
    return folder;
  };
  // A completed import no longer needs its files; a failed one keeps them for Retry.
  const stop = engine.on('job-state', ({ jobId, type, status }) => {
    if (type !== 'import_mail' || status !== 'completed') return;
    void engine.call('jobs.get', { jobId }).then(
      (job) => {
        const paths = Array.isArray(job.metadata.paths) ? (job.metadata.paths as string[]) : [];
        for (const [id, folder] of batches) {
          if (paths.some((path) => path.startsWith(`${folder}/`))) {
            rmSync(folder, { recursive: true, force: true });
            batches.delete(id);
          }
        }
      },
      () => undefined,
    );
  });

  async function receive(request: IncomingMessage, folder: string, url: URL): Promise<string> {
    const segments = relativeSegments(url.searchParams.get('path'));
    const length = declaredLength(request);
    const { bavail, bsize } = statfsSync(folder);
    if (length + HEADROOM_BYTES > bavail * bsize) {
      throw new BriefError(
        'UNSUPPORTED_INPUT',
        `There is not enough room in the temporary folder for ${segments.at(-1)} (${length.toLocaleString('en-US')} bytes): free some space, or import the file by its path.`,
      );
    }
    const target = join(folder, ...segments);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    try {
      await pipeline(request, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      rmSync(target, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new BriefError('CONFLICT', `${segments.join('/')} was sent twice in one batch.`);
      throw error;
    }
    return join(folder, segments[0]!);
  }

  return {
    async handle(request, response, url) {
      const match = /^\/uploads(?:\/(\d{1,9}))?$/.exec(url.pathname);
      if (!match) return false;
      try {
        if (match[1] === undefined && request.method === 'POST') {
          root ??= makeTempFolder(undefined, 'uploads');
          const id = String(next++);
          const folder = join(root, id);
          mkdirSync(folder, { mode: 0o700 });
          batches.set(id, folder);
          sendJson(response, 200, { ok: true, value: { batch: id } });
        } else if (match[1] !== undefined && request.method === 'PUT') {
          const path = await receive(request, folderOf(match[1]), url);
          sendJson(response, 200, { ok: true, value: { path } });
        } else {
          request.resume();
          sendJson(response, 405, {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: 'Use POST /uploads, then PUT /uploads/<batch>?path=<name>.',
            },
          });
        }
      } catch (error) {
        request.resume();
        sendError(response, error);
      }
      return true;
    },
    close() {
      stop();
      if (root) rmSync(root, { recursive: true, force: true });
    },
  };
}
