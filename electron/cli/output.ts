/**
 * What `brief` prints: answers on stdout, progress, notes and failures on stderr. A reader that
 * stops early (`brief report --json | head`) closes the pipe; the rest of the output is dropped
 * quietly and the command still ends as it would have, instead of an unhandled EPIPE trace.
 */
import type { SerializedError } from '../../shared/errors.ts';

const closed = new WeakSet<NodeJS.WritableStream>();
const guarded = new WeakSet<NodeJS.WritableStream>();

/** Drops what a closed pipe can no longer take; any other write failure is said on stderr once. */
export function guardPipes(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (closed.has(stream)) return;
      closed.add(stream);
      if (error.code === 'EPIPE' || stream === process.stderr) return;
      write(process.stderr, `brief: the output could not be written (${error.code ?? error.message}).\n`);
    });
  }
}

function write(stream: NodeJS.WritableStream, text: string): void {
  if (closed.has(stream)) return;
  stream.write(text);
}

/** One answer line (or block) on stdout. */
export function out(text: string): void {
  write(process.stdout, text.endsWith('\n') ? text : `${text}\n`);
}

/** A note beside the answer, on stderr, so stdout stays the answer alone (JSON, CSV). */
export function note(text: string): void {
  write(process.stderr, `${text}\n`);
}

/**
 * A failure: the sentence alone for a person; with --json one line
 * `{"error":{"code":…,"message":…}}` for a script, on stderr as well (stdout stays empty).
 */
export function printFailure(error: SerializedError, json: boolean): void {
  if (json) write(process.stderr, `${JSON.stringify({ error })}\n`);
  else write(process.stderr, `brief: ${error.message}\n`);
}
