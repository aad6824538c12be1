/**
 * The lines that name the items a job could not take as they were (skipped, or stored with
 * values past the limits cut), shared by `brief import` (files and byte offsets) and `brief sync`
 * (Gmail message ids): the first ones, one a line, and how many more the job's metadata keeps.
 */
import { counted, formatCount } from '../../shared/plural.ts';

const SHOWN = 20;

export interface ReportedItem {
  /** Where the item is, as a person finds it again ("inbox.mbox @ byte 4096", "Gmail message 18c…"). */
  where: string;
  reason: string;
}

export function sampleLines(total: number, samples: readonly ReportedItem[]): string[] {
  const lines = samples.slice(0, SHOWN).map((item) => `  ${item.where}: ${item.reason}`);
  if (total > SHOWN)
    lines.push(
      `  … and ${formatCount(total - SHOWN)} more (brief jobs lists the job; its metadata has the first ones).`,
    );
  return lines;
}

/** "Stored 3 messages with values past the limits cut:" and its samples; nothing when none was. */
export function shortenedLines(total: number, samples: readonly ReportedItem[]): string[] {
  if (total === 0) return [];
  return [
    `Stored ${counted(total, 'message')} with values past the limits cut:`,
    ...sampleLines(total, samples),
  ];
}
