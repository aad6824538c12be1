/**
 * What a sync job (`fetch_messages`, `sync_history`) keeps in its metadata between attempts, as
 * read back from the database when the job is claimed: the full sync's cursor, the incremental
 * sync's, whether a full resync is under way, and the messages reported so far. A cursor that no
 * longer reads is dropped (the sync starts that part over, losing nothing), never a failed job.
 */
import { z } from 'zod';

const reportList = z.object({
  count: z.number(),
  samples: z.array(z.object({ id: z.string(), reason: z.string() })),
});

export const syncMetadataSchema = z.looseObject({
  /** The full sync's cursor, its pending list packed as `id` or `id/threadId`, comma-separated. */
  fullSync: z
    .object({
      mode: z.enum(['first', 'resync']),
      historyId: z.string(),
      pageToken: z.string().nullable(),
      pending: z.string(),
      listingDone: z.boolean(),
    })
    .optional()
    .catch(undefined),
  history: z
    .object({ startHistoryId: z.string(), pageToken: z.string().nullable() })
    .optional()
    .catch(undefined),
  /** History was too old to replay: this job finishes as a full resync. */
  resync: z.boolean().optional().catch(undefined),
  reported: z
    .object({ skipped: reportList.optional(), shortened: reportList.optional() })
    .optional()
    .catch(undefined),
});
