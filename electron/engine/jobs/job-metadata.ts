/**
 * A job's metadata per job type: what its executor reads (the import's paths, the analytics view,
 * a sync's cursor), parsed once from the stored JSON when the job is claimed, so executors are
 * typed by it. Each source declares its own beside its code; keys it does not know (the results a
 * finished attempt wrote) are kept. Writes are checked for size only: besides an import's paths,
 * the queue holds at most 64 KB of metadata per job.
 */
import { z } from 'zod';
import { analyticsViewSchema } from '../../../shared/contract.ts';
import type { JobType } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import { syncMetadataSchema } from '../sources/gmail/sync-metadata.ts';
import { importMetadataSchema } from '../sources/import/import-metadata.ts';

export const METADATA_MAX_BYTES = 64 * 1024;

export const JOB_METADATA_SCHEMAS = {
  fetch_messages: syncMetadataSchema,
  sync_history: syncMetadataSchema,
  import_mail: importMetadataSchema,
  // The view it computes, as `analytics.report` and `jobs.create` accept it.
  compute_analytics: z.looseObject({ view: analyticsViewSchema.optional() }),
  warm_cache: z.looseObject({}),
  cleanup: z.looseObject({}),
} as const satisfies Record<JobType, z.ZodType<Record<string, unknown>>>;

export type JobMetadata<T extends JobType> = z.output<(typeof JOB_METADATA_SCHEMAS)[T]>;
/** What a job writes into its metadata: its inputs when queued, cursors, its results. */
export type JobMetadataPatch = Record<string, unknown>;

/**
 * The stored metadata of a claimed job, read by its type's schema; UNSUPPORTED_INPUT (not retried:
 * the same row would not read the next time either) when it does not read.
 */
export function readJobMetadata<T extends JobType>(id: number, type: T, stored: unknown): JobMetadata<T> {
  const parsed = JOB_METADATA_SCHEMAS[type].safeParse(stored);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BriefError(
      'UNSUPPORTED_INPUT',
      `Job ${id} (${type}) cannot be run: what it was given no longer reads (${issue?.path.join('.') || 'metadata'}: ${issue?.message ?? 'unexpected value'}). Start it again from where it came from.`,
    );
  }
  return parsed.data as JobMetadata<T>;
}

/**
 * The metadata as stored, refused (VALIDATION) past 64 KB not counting an import's paths. The
 * paths are the person's input, bounded where they enter (`import.start` takes at most 1,000 of at
 * most 4,096 characters); counted here, 1,000 files in a deep folder passed the limit once the job
 * added its summary, and the import failed on every attempt.
 */
export function metadataJson(metadata: JobMetadataPatch): string {
  // What the job wrote is measured alone (small): the paths, up to 4 MB, are written once, not
  // turned into JSON a second time on every progress write.
  const { paths: _paths, ...written } = metadata;
  if (Buffer.byteLength(JSON.stringify(written)) > METADATA_MAX_BYTES)
    throw new BriefError(
      'VALIDATION',
      'The job metadata is not valid: metadata must be at most 64 KB of JSON.',
    );
  return JSON.stringify(metadata);
}
