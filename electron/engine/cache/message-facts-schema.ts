import { z } from 'zod';
import type { MessageFacts } from '../mail/types.ts';

const text = (max: number) => z.string().max(max);
const addresses = z.array(text(998)).max(10_000);
const ids = z.array(text(998)).max(10_000);

/** The shape `MessageFacts` must have before it is stored; sizes bound what one row may hold. */
export const messageFactsSchema = z.strictObject({
  providerId: z.string().min(1).max(256),
  providerThreadId: text(256).nullable(),
  messageId: text(998).nullable(),
  inReplyTo: ids,
  references: ids,
  time: z.number().int().min(-8.64e15).max(8.64e15).nullable(),
  from: text(998).nullable(),
  fromName: text(998).nullable(),
  sender: text(998).nullable(),
  senderName: text(998).nullable(),
  to: addresses,
  cc: addresses,
  bcc: addresses,
  replyTo: addresses,
  subject: text(16_384).nullable(),
  subjectKey: text(16_384),
  labels: z.array(z.string().min(1).max(256)).max(1000),
  listPost: text(998).nullable(),
  hasListPost: z.boolean(),
  unsubscribe: text(4096).nullable(),
  automated: z.boolean(),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  contentKey: text(20_000).nullable(),
}) satisfies z.ZodType<MessageFacts>;

export const providerSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a provider is a short lower-case name');
