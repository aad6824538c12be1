import type { z } from 'zod';
import { BriefError } from '../../../shared/errors.ts';

/**
 * Parses what the engine cannot type for itself — facts read from hostile mail (message-batch.ts)
 * — or throws VALIDATION naming what was wrong, before anything is written. Arguments from outside
 * are parsed by the contract at the boundary; inside, types carry the guarantee.
 */
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
