/**
 * Messages a sync could not store as Gmail gave them (a value past the limits: stored cut, or
 * skipped when cutting would change which message it is), by Gmail id. The sync moves past them;
 * the report says which they were. It is checkpointed in the job, so a later attempt continues it,
 * and kept small, beside the sync's cursor, under the job metadata's 64 KB.
 */
import type { ReportedMessage } from '../../cache/message-cache-service.ts';
import type { JobContext } from '../../runner/job-runner.ts';
import { type ReportList, ReportSamples } from '../report-samples.ts';

type ById = { id: string; reason: string };

export interface SyncReportResult {
  skipped: number;
  skippedSamples: ById[];
  shortened: number;
  shortenedSamples: ById[];
}

const KEY = 'reported';
const SAMPLES = 50;
const SAMPLE_BYTES = 8 * 1024;

export class SyncReport {
  readonly #job: JobContext;
  readonly #skipped = new ReportSamples<ById>(SAMPLES, SAMPLE_BYTES);
  readonly #shortened = new ReportSamples<ById>(SAMPLES, SAMPLE_BYTES);

  constructor(job: JobContext) {
    this.#job = job;
    const saved = job.job.metadata[KEY] as
      | { skipped?: ReportList<ById>; shortened?: ReportList<ById> }
      | undefined;
    this.#skipped.restore(saved?.skipped);
    this.#shortened.restore(saved?.shortened);
  }

  add(reported: readonly ReportedMessage[]): void {
    if (reported.length === 0) return;
    for (const { providerId, outcome, reason } of reported) {
      (outcome === 'skipped' ? this.#skipped : this.#shortened).add({ id: providerId, reason });
      this.#job.logger.warn('message past the limits', { gmailId: providerId, outcome });
    }
    this.#job.checkpoint({ [KEY]: { skipped: this.#skipped.toJSON(), shortened: this.#shortened.toJSON() } });
  }

  result(): { reported: SyncReportResult } {
    return {
      reported: {
        skipped: this.#skipped.count,
        skippedSamples: this.#skipped.samples,
        shortened: this.#shortened.count,
        shortenedSamples: this.#shortened.samples,
      },
    };
  }
}
