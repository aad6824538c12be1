import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { BriefError } from '../../../../shared/errors.ts';
import { takeoutSeparatorDate } from './dates.ts';
import { generateMailbox } from './mailbox.ts';
import { decimalId, rfc822Text } from './rfc822.ts';
import type { GeneratorOptions } from './types.ts';

const CHUNK = 1 << 20;

/**
 * Writes a Takeout-style mbox: `From <decimal id>@xxx <date>` separators, mboxrd escaping (a
 * line matching `>*From ` gains one `>`), a blank line after each message. Writes in ~1 MB
 * chunks and waits for the stream to drain, so memory stays flat for any size.
 */
export async function writeMbox(
  path: string,
  options: GeneratorOptions,
  file: { exclusive?: boolean } = {},
): Promise<{ messages: number; bytes: number }> {
  // Exclusive: a new file readable by the user alone, never one already there (nor a symlink's target).
  const out = createWriteStream(path, file.exclusive ? { flags: 'wx', mode: 0o600 } : {});
  const failed = new Promise<never>((_resolve, reject) => {
    out.once('error', (error) =>
      reject(
        new BriefError('STORAGE_FULL', `Could not write the mailbox to ${path}: ${error.message}`, {
          cause: error,
        }),
      ),
    );
  });
  failed.catch(() => undefined);
  let messages = 0;
  let bytes = 0;
  let pending = '';
  const flush = async () => {
    const buffer = Buffer.from(pending, 'latin1');
    pending = '';
    bytes += buffer.length;
    if (!out.write(buffer)) await Promise.race([once(out, 'drain'), failed]);
  };
  for (const message of generateMailbox(options)) {
    const text = rfc822Text(message).replace(/^(>*From )/gm, '>$1');
    pending += `From ${decimalId(message.id)}@xxx ${takeoutSeparatorDate(message.internalDate)}\n${text}\n`;
    messages += 1;
    if (pending.length >= CHUNK) await flush();
  }
  if (pending) await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { messages, bytes };
}
