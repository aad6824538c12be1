import { z } from 'zod';
import { BriefError } from '../../../shared/errors.ts';

/** Parses a service input or throws VALIDATION naming what was wrong, before anything is written. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new BriefError(
    'VALIDATION',
    `${what} is not valid${where}: ${issue?.message ?? 'unexpected value'}.`,
  );
}

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const METADATA_MAX_BYTES = 64 * 1024;

/** A JSON object of at most 64 KB once serialised. */
export const metadataSchema = z
  .record(z.string(), z.json())
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= METADATA_MAX_BYTES, {
    message: 'metadata must be at most 64 KB of JSON',
  });
