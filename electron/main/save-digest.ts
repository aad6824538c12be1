/**
 * `brief.saveDigest`, answered by the shell: the HTML digest of the Brief the window shows, saved
 * where the person chooses in a save dialog (nothing when they cancel). The engine writes the page;
 * the dialog is injected, so this is tested under Node with a real engine.
 */

import type { Digest } from '../../shared/brief-types.ts';
import type { MethodArgs } from '../../shared/contract.ts';
import { writeDigestFile } from '../engine/index.ts';

export interface SaveDigestDeps {
  /** The engine's `brief.digest`. */
  digest(args: MethodArgs<'brief.digest'>): Promise<Digest>;
  /** Asks where to save, offering the file name; null when the person cancels. */
  choosePath(fileName: string): Promise<string | null>;
}

export async function saveDigest(
  deps: SaveDigestDeps,
  request: MethodArgs<'brief.saveDigest'>,
): Promise<{ path: string | null }> {
  const digest = await deps.digest({ ...request, format: 'html' });
  const chosen = await deps.choosePath(digest.fileName);
  if (chosen === null) return { path: null };
  return { path: writeDigestFile(chosen, digest.content) };
}
