/** Test helper: MessageFacts with sensible defaults, so a test names only what it is about. */
import type { DerivableMessage } from '../../electron/engine/mail/derive.ts';
import { subjectKey } from '../../electron/engine/mail/subject.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';

export function makeFacts(over: Partial<MessageFacts> = {}): MessageFacts {
  const subject = over.subject ?? null;
  return {
    providerId: 'p',
    providerThreadId: null,
    messageId: null,
    inReplyTo: [],
    references: [],
    time: Date.UTC(2025, 0, 1),
    from: 'someone@x.example',
    fromName: null,
    sender: over.from ?? 'someone@x.example',
    senderName: null,
    to: [],
    cc: [],
    bcc: [],
    replyTo: [],
    subject,
    subjectKey: subjectKey(subject),
    labels: ['INBOX'],
    listPost: null,
    hasListPost: false,
    unsubscribe: null,
    automated: false,
    size: 100,
    contentKey: null,
    ...over,
  };
}

let nextRow = 1;
export function makeMessage(over: Partial<DerivableMessage> = {}): DerivableMessage {
  const rowId = over.rowId ?? nextRow++;
  return { ...makeFacts({ providerId: `p${rowId}`, ...over }), rowId };
}
