/**
 * What an `import_mail` job keeps in its metadata: the absolute paths to read (resolved when the
 * job was queued), or for the demo what makes its generated mailbox, and whether the import
 * replaces what the account holds (the demo does, on every attempt).
 */
import { z } from 'zod';

export const demoSchema = z.strictObject({
  seed: z.number().int().min(0),
  messages: z.number().int().min(1),
  /** The newest message's time (ms since the epoch). */
  end: z.number().int(),
});
export type DemoMailbox = z.infer<typeof demoSchema>;

export const importMetadataSchema = z.looseObject({
  paths: z.array(z.string()),
  demo: demoSchema.optional(),
  replace: z.boolean().optional(),
});
