import { z } from 'zod';
import { JOB_STATUSES, JOB_TYPES } from '../../../shared/domain.ts';
import { idSchema, metadataSchema } from '../db/validation.ts';

export const createJobSchema = z.strictObject({
  type: z.enum(JOB_TYPES),
  accountId: idSchema.nullish(),
  maxAttempts: z.number().int().min(1).max(100).optional(),
  metadata: metadataSchema.optional(),
  /** Milliseconds since the epoch before which the job is not claimed. */
  runAfter: z.number().int().min(0).max(8.64e15).optional(),
});
export type CreateJobInput = z.input<typeof createJobSchema>;
export type CreateJobRequest = z.output<typeof createJobSchema>;

export const listJobsSchema = z.strictObject({
  status: z.enum(JOB_STATUSES).optional(),
  type: z.enum(JOB_TYPES).optional(),
  accountId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export type ListJobsInput = z.input<typeof listJobsSchema>;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const progressSchema = z.strictObject({
  current: count,
  /** Omitted: keep the known total; null: the total is not known. */
  total: count.nullish(),
  step: z.string().max(500).nullish(),
});
export type ProgressInput = z.input<typeof progressSchema>;

export const jobErrorSchema = z.strictObject({
  code: z.string().min(1).max(64),
  message: z.string().min(1).max(2000),
});

export const failOptionsSchema = z.strictObject({
  /** False for errors another attempt cannot fix (e.g. AUTH_REQUIRED): fail at once. */
  retry: z.boolean().default(true),
  /** Fail without retry and drop the metadata (the cursor), so the write fits on a full disk. */
  compact: z.boolean().default(false),
});

export const workerIdSchema = z.string().min(1).max(200);

export const claimOptionsSchema = z.strictObject({
  types: z.array(z.enum(JOB_TYPES)).min(1).optional(),
  /** Only these jobs (a command runs the jobs it started). */
  ids: z.array(idSchema).max(10_000).optional(),
});
export type ClaimOptions = z.input<typeof claimOptionsSchema>;

export const typesSchema = z.array(z.enum(JOB_TYPES)).min(1).optional();

export const cleanupDaysSchema = z.number().int().min(0).max(36_500);
