/**
 * `brief report`: the readable report, the whole report as --json, or one figure as --csv; in the
 * --tz zone, and saying when the answer came from the analytics cache and as of when.
 */
import type { ReportEnvelope } from '../../shared/analytics-types.ts';
import { RANGE_ANCHORS, RANGE_PRESETS, type RangeAnchor, type RangePreset } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { CSV_FIGURES, type CsvFigure, reportToCsv } from '../engine/index.ts';
import { resolveAccount } from './account-ref.ts';
import type { Command } from './args.ts';
import { checkArguments, TIME_ZONE_WORDING } from './engine-call.ts';
import { parseAsOfOption, parseTimeZoneOption } from './flag-values.ts';
import { note, out } from './output.ts';
import { formatReport, localTime } from './report-text.ts';

const RANGE_FORMS = `${RANGE_PRESETS.join(', ')} or YYYY-MM-DD..YYYY-MM-DD`;

function parseAnchor(value: string | undefined): RangeAnchor | undefined {
  if (value === undefined || (RANGE_ANCHORS as readonly string[]).includes(value))
    return value as RangeAnchor | undefined;
  throw new BriefError('VALIDATION', `--anchor takes ${RANGE_ANCHORS.join(', ')} (got "${value}").`);
}

function parseRange(value: string | undefined, anchorValue: string | undefined) {
  const anchor = parseAnchor(anchorValue);
  const anchored = anchor === undefined ? {} : { anchor };
  if (value === undefined) return { preset: 'all' as const, ...anchored };
  if ((RANGE_PRESETS as readonly string[]).includes(value))
    return { preset: value as RangePreset, ...anchored };
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!custom) throw new BriefError('VALIDATION', `--range takes ${RANGE_FORMS} (got "${value}").`);
  if (anchor !== undefined)
    throw new BriefError(
      'VALIDATION',
      `--anchor applies to the presets (${RANGE_PRESETS.join(', ')}); a date range such as ${value} already names its days.`,
    );
  const [from, to] = [custom[1]!, custom[2]!];
  if (from > to)
    throw new BriefError('VALIDATION', `--range ${value} ends before it starts: put the earlier day first.`);
  return { from, to };
}

/** Where the answer came from, when it was the cache: as of when, and whether the mail moved on since. */
export function cacheNote(envelope: ReportEnvelope): string | null {
  if (!envelope.fromCache) return null;
  const { asOf, timeZone } = envelope.report;
  const when = `${localTime(asOf, timeZone)} (${timeZone})`;
  return envelope.stale
    ? `From the cache: figures as of ${when}. Your mail or its settings changed since, or they are a day old, so they may be behind; fresh ones are being computed for the next \`brief report\`.`
    : `From the cache: figures as of ${when}, and no mail has changed since.`;
}

/** The readable report, with where it came from under its first line. */
export function readableReport(envelope: ReportEnvelope): string {
  const [header, ...rest] = formatReport(envelope.report).split('\n');
  const fromCache = cacheNote(envelope);
  return [header, ...(fromCache ? [fromCache] : []), ...rest].join('\n');
}

export const reportCommand: Command = (parsed) => {
  const { values } = parsed;
  if (values.csv !== undefined && !CSV_FIGURES.includes(values.csv as CsvFigure))
    throw new BriefError(
      'VALIDATION',
      `--csv takes one figure: ${CSV_FIGURES.join(', ')} (got "${values.csv}").`,
    );
  if (values.csv !== undefined && values.json)
    throw new BriefError('VALIDATION', '--json and --csv each print the answer alone: give one of them.');
  const range = parseRange(values.range, values.anchor);
  const asOf = parseAsOfOption(values['as-of']);
  const timeZone = parseTimeZoneOption(values.tz);
  const asked = {
    range,
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
  };
  checkArguments('analytics.report', asked, {
    timeZone: TIME_ZONE_WORDING,
    range: (day) =>
      `--range ${values.range}: ${String(day)} is not a day on the calendar; write real days as YYYY-MM-DD, such as 2026-02-28.`,
  });
  return async (engine) => {
    const account = await resolveAccount(engine, values.account);
    const envelope = await engine.call('analytics.report', { account, ...asked });
    if (values.json || values.csv) {
      const fromCache = cacheNote(envelope);
      if (fromCache) note(`brief: ${fromCache}`);
      out(
        values.json
          ? JSON.stringify(envelope.report, null, 2)
          : reportToCsv(envelope.report, values.csv as CsvFigure),
      );
    } else out(readableReport(envelope));
    // A stale answer queued its refresh for the next turn of the event loop (report-service.ts);
    // letting that turn pass before the engine closes stores it for the next `brief report`.
    if (envelope.stale) await new Promise((resolve) => setImmediate(resolve));
    return 0;
  };
};
