import { z } from 'zod';
import type { MessageFacts } from '../mail/types.ts';
import { FACT_LIMITS } from './message-facts-limits.ts';

/**
 * The facts schema, with or without the length limits. Without them it checks only the types:
 * a wrong type is a caller's bug and refuses the whole batch, a value past a limit is hostile
 * mail and is fitted, message by message.
 */
function factsSchema(limited: boolean) {
  const text = (max: number) => (limited ? z.string().max(max) : z.string());
  const list = (max: number) => (limited ? z.array(text(FACT_LIMITS.line)).max(max) : z.array(z.string()));
  const labels = limited
    ? z.array(z.string().min(1).max(FACT_LIMITS.id)).max(FACT_LIMITS.labels)
    : z.array(z.string().min(1));
  return z.strictObject({
    providerId: text(FACT_LIMITS.id).min(1),
    providerThreadId: text(FACT_LIMITS.id).nullable(),
    messageId: text(FACT_LIMITS.line).nullable(),
    inReplyTo: list(FACT_LIMITS.list),
    references: list(FACT_LIMITS.list),
    time: z.number().int().min(-8.64e15).max(8.64e15).nullable(),
    from: text(FACT_LIMITS.line).nullable(),
    fromName: text(FACT_LIMITS.line).nullable(),
    sender: text(FACT_LIMITS.line).nullable(),
    senderName: text(FACT_LIMITS.line).nullable(),
    to: list(FACT_LIMITS.list),
    cc: list(FACT_LIMITS.list),
    bcc: list(FACT_LIMITS.list),
    replyTo: list(FACT_LIMITS.list),
    subject: text(FACT_LIMITS.subject).nullable(),
    subjectKey: text(FACT_LIMITS.subject),
    labels,
    listPost: text(FACT_LIMITS.line).nullable(),
    hasListPost: z.boolean(),
    unsubscribe: text(FACT_LIMITS.unsubscribe).nullable(),
    automated: z.boolean(),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    contentKey: text(FACT_LIMITS.contentKey).nullable(),
  }) satisfies z.ZodType<MessageFacts>;
}

/** The shape `MessageFacts` must have before it is stored; sizes bound what one row may hold. */
export const messageFactsSchema = factsSchema(true);
/** The same, types only (see `factsSchema`). */
export const messageFactsShape = factsSchema(false);

export const providerSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a provider is a short lower-case name');
