import type {
  AnalyticsMessage,
  RangeSpec,
  ReportAccount,
  ReportInput,
} from '../../electron/engine/analytics/index.ts';

export const ME: ReportAccount = {
  id: 1,
  address: 'me@example.com',
  identities: ['me@example.com'],
  provider: 'gmail',
};

let nextRowId = 1;

/** A counted message of account 1 with plain defaults; `at` is an ISO instant. */
export function message(at: string | null, fields: Partial<AnalyticsMessage> = {}): AnalyticsMessage {
  const rowId = fields.rowId ?? nextRowId++;
  const sent = fields.direction === 'sent';
  return {
    providerId: `id${rowId}`,
    providerThreadId: null,
    messageId: `m${rowId}@example.com`,
    inReplyTo: [],
    references: [],
    time: at === null ? null : Date.parse(at),
    from: sent ? 'me@example.com' : 'ann@a.example',
    fromName: null,
    sender: sent ? 'me@example.com' : 'ann@a.example',
    senderName: null,
    to: sent ? ['ann@a.example'] : ['me@example.com'],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: 'Hello',
    subjectKey: 'hello',
    labels: sent ? ['SENT'] : ['INBOX'],
    listPost: null,
    hasListPost: false,
    unsubscribe: null,
    automated: false,
    size: 100,
    contentKey: null,
    counted: true,
    direction: 'received',
    echo: false,
    threadKey: `t${rowId}`,
    rowId,
    accountId: 1,
    ...fields,
  };
}

/** A received message from `sender` (and a matching From). */
export function received(
  at: string,
  sender: string,
  fields: Partial<AnalyticsMessage> = {},
): AnalyticsMessage {
  return message(at, { from: sender, sender, ...fields });
}

/** A sent message to `to`. */
export function sent(at: string, to: string[], fields: Partial<AnalyticsMessage> = {}): AnalyticsMessage {
  return message(at, { direction: 'sent', to, ...fields });
}

/** A report input over the messages, as of `asOf`, with stored threads taken as they are. */
export function reportInput(
  messages: AnalyticsMessage[],
  asOf: string,
  range: RangeSpec = 'all',
  extra: Partial<ReportInput> = {},
): ReportInput {
  return {
    messages,
    accounts: [ME],
    timeZone: 'UTC',
    asOf: Date.parse(asOf),
    range,
    threadsDerivedAsOf: Date.parse(asOf),
    ...extra,
  };
}
