/**
 * `brief digest`: the Brief on paper (docs/metrics.md "The Brief"). Text and JSON print to the
 * terminal; HTML is written to one self-contained file (the name the engine offers, in the current
 * folder, or --out FILE; `--out -` prints it). A digest printed or written is a brief delivered, so
 * it moves each account's "last brief" afterwards — not before, so a failed write moves nothing.
 */
import { DIGEST_FORMATS, type DigestFormat } from '../../shared/brief-types.ts';
import { RANGE_ANCHORS } from '../../shared/domain.ts';
import { writeDigestFile } from '../engine/index.ts';
import { resolveAccount } from './account-ref.ts';
import type { Command } from './args.ts';
import { checkArguments, TIME_ZONE_WORDING } from './engine-call.ts';
import { oneOf, parseAsOfOption, parseTimeZoneOption } from './flag-values.ts';
import { out } from './output.ts';

export const digestCommand: Command = (parsed) => {
  const { values } = parsed;
  const format: DigestFormat = oneOf('format', values.format, DIGEST_FORMATS) ?? 'text';
  const anchor = oneOf('anchor', values.anchor, RANGE_ANCHORS);
  const timeZone = parseTimeZoneOption(values.tz);
  const asOf = parseAsOfOption(values['as-of']);
  const asked = {
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(anchor === undefined ? {} : { anchor }),
  };
  checkArguments('brief.digest', asked, { timeZone: TIME_ZONE_WORDING });
  return async (engine) => {
    const request = { account: await resolveAccount(engine, values.account), ...asked };
    const digest = await engine.call('brief.digest', { ...request, format });
    const destination = values.out ?? (format === 'html' ? digest.fileName : '-');
    if (destination === '-') out(digest.content);
    else {
      const path = writeDigestFile(destination, digest.content);
      out(`Wrote the brief to ${path}: open it in a browser, print it, or attach it to a mail.`);
    }
    await engine.call('brief.markSeen', request);
    return 0;
  };
};
