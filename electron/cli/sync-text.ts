/**
 * What `brief sync` and `brief connect` print when a sync finished: that the account is up to
 * date, and the messages the sync could not store as Gmail gave them (skipped, or stored with
 * values past the limits cut), by Gmail id, as `brief import` names its files.
 */
import type { Job } from '../../shared/domain.ts';
import { counted } from '../../shared/plural.ts';
import { type ReportedItem, sampleLines, shortenedLines } from './reported-lines.ts';

type ById = { id: string; reason: string };

/** The sync's report in a finished job's metadata (the engine's `SyncReportResult`). */
interface SyncReported {
  skipped: number;
  skippedSamples: ById[];
  shortened: number;
  shortenedSamples: ById[];
}

function reportedOf(job: Job): SyncReported | null {
  const reported = job.metadata.reported as Partial<SyncReported> | undefined;
  if (typeof reported?.skipped !== 'number' || typeof reported.shortened !== 'number') return null;
  return reported as SyncReported;
}

function byGmailId(items: readonly ById[] | undefined): ReportedItem[] {
  return (items ?? []).map((item) => ({ where: `Gmail message ${item.id}`, reason: item.reason }));
}

/** `done` ("you@example.com is up to date."), then what the sync reported, one a line. */
export function describeSync(job: Job, done: string): string {
  const reported = reportedOf(job);
  if (reported === null) return done;
  const { skipped, shortened } = reported;
  return [
    done,
    ...(skipped === 0
      ? []
      : [
          `Skipped ${counted(skipped, 'message')} that could not be stored as Gmail gave ${skipped === 1 ? 'it' : 'them'}:`,
          ...sampleLines(skipped, byGmailId(reported.skippedSamples)),
        ]),
    ...shortenedLines(shortened, byGmailId(reported.shortenedSamples)),
  ].join('\n');
}
