/**
 * `brief digest`: the Brief on paper (docs/metrics.md "The Brief"). Text and JSON print to the
 * terminal; HTML is written to one self-contained file (the name the engine offers, in the current
 * folder, or --out FILE; `--out -` prints it). A digest printed or written is a brief delivered, so
 * it moves each account's "last brief" afterwards — not before, so a failed write moves nothing.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIGEST_FORMATS, type DigestFormat } from '../../shared/brief-types.ts';
import { RANGE_ANCHORS, type RangeAnchor } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import type { Engine } from '../engine/index.ts';
import { type ParsedCommand, parseAsOfOption, parseTimeZoneOption } from './args.ts';
import { resolveAccount } from './commands.ts';

function choice<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new BriefError('VALIDATION', `--${flag} takes ${allowed.join(', ')} (got "${value}").`);
}

function writeFile(path: string, content: string): string {
  const absolute = resolve(path);
  try {
    // The digest lists subjects and addresses: readable by you alone, like the database.
    writeFileSync(absolute, content, { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'that is a folder; name a file such as brief.html'
        : code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'you may not write there'
            : (error as Error).message;
    throw new BriefError('UNSUPPORTED_INPUT', `Could not write the digest to ${absolute}: ${why}.`);
  }
  return absolute;
}

export async function digestCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  const { values } = parsed;
  const format: DigestFormat = choice(values.format, DIGEST_FORMATS, 'format') ?? 'text';
  const anchor = choice<RangeAnchor>(values.anchor, RANGE_ANCHORS, 'anchor');
  const timeZone = parseTimeZoneOption(values.tz);
  const asOf = parseAsOfOption(values['as-of']);
  const request = {
    account: await resolveAccount(engine, values.account),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(anchor === undefined ? {} : { anchor }),
  };
  const digest = await engine.call('brief.digest', { ...request, format });
  const out = values.out ?? (format === 'html' ? digest.fileName : '-');
  if (out === '-') process.stdout.write(digest.content);
  else {
    const path = writeFile(out, digest.content);
    process.stdout.write(
      `Wrote the brief to ${path}: open it in a browser, print it, or attach it to a mail.\n`,
    );
  }
  await engine.call('brief.markSeen', request);
  return 0;
}
