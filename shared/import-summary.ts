/**
 * What an import job found, kept in its metadata as `summary`: the CLI prints it when `brief
 * import` ends and the dashboard shows it when an import it watched ends.
 */

/** Where something was found: the file, the byte offset of the message in it, and what was wrong. */
export type ImportFinding = { file: string; offset: number | null; reason: string };

export interface ImportSummary {
  read: number;
  /**
   * Messages the account gained: rows after minus rows before. A copy that proves two stored
   * messages the same removes one, so counting inserts would over-count a re-import.
   */
  imported: number;
  duplicates: number;
  skipped: number;
  /** The first skips (up to 200, within 32 KB: the summary lives in the job's metadata). */
  skippedSamples: ImportFinding[];
  /** Messages stored with values cut to the limits, or read only in part (longer than 64 MB). */
  shortened: number;
  /** The first of them (up to 100, within 16 KB). */
  shortenedSamples: ImportFinding[];
  bytes: number;
}

/** The summary of a finished import job, or null when it has none (not finished, or not an import). */
export function importSummaryOf(job: {
  type: string;
  metadata: Record<string, unknown>;
}): ImportSummary | null {
  const summary = job.metadata.summary;
  if (job.type !== 'import_mail' || typeof summary !== 'object' || summary === null) return null;
  const found = summary as Partial<ImportSummary>;
  if (typeof found.imported !== 'number' || typeof found.read !== 'number') return null;
  // Summaries written before shortening was counted have no such fields.
  return {
    read: found.read,
    imported: found.imported,
    duplicates: found.duplicates ?? 0,
    skipped: found.skipped ?? 0,
    skippedSamples: found.skippedSamples ?? [],
    shortened: found.shortened ?? 0,
    shortenedSamples: found.shortenedSamples ?? [],
    bytes: found.bytes ?? 0,
  };
}
