import type { GmailMessageResource } from '../facts.ts';
import type { GeneratedMessage } from './types.ts';

/** A generated message as Gmail's `messages.get` with `format=metadata` returns it (what a sync stores). */
export function gmailMetadataOf(message: GeneratedMessage): GmailMessageResource {
  return {
    id: message.id,
    threadId: message.threadId,
    labelIds: message.labelIds,
    internalDate: String(message.internalDate),
    sizeEstimate: message.sizeEstimate,
    payload: { headers: message.headers },
  };
}
