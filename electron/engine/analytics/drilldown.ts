import { BriefError } from '../../../shared/errors.ts';
import { type DrilldownTarget, selectMessages } from './drilldown-select.ts';
import type { PreparedMessage } from './prepare.ts';
import { prepareReport } from './report.ts';
import { isoOf } from './time/zone-clock.ts';
import type { ReportInput } from './types.ts';

export interface DrilldownRequest extends DrilldownTarget {
  /** 0-based page. */
  page?: number;
  pageSize?: number;
}

export interface DrilldownMessage {
  rowId: number;
  accountId: number;
  providerId: string;
  /** ISO time, null when undated. */
  time: string | null;
  direction: 'sent' | 'received';
  sender: string | null;
  senderName: string | null;
  recipients: string[];
  subject: string | null;
  automated: boolean;
  labels: string[];
  /** Opens the message in Gmail; null for mail that has no Gmail id. */
  link: string | null;
}

export interface DrilldownPage {
  total: number;
  page: number;
  pageSize: number;
  messages: DrilldownMessage[];
}

const MAX_PAGE_SIZE = 500;

/** Newest first; undated last; ties by storage order. */
function newestFirst(a: PreparedMessage, b: PreparedMessage): number {
  if (a.dated !== b.dated) return a.dated ? -1 : 1;
  return (a.dated ? b.time - a.time : 0) || a.source.rowId - b.source.rowId;
}

/**
 * The messages behind a chart cell or list row of the report with the same input, newest first,
 * one page at a time, each with a Gmail link where the account is a Gmail account.
 */
export function drilldown(input: ReportInput, request: DrilldownRequest): DrilldownPage {
  const page = request.page ?? 0;
  const pageSize = request.pageSize ?? 50;
  if (
    !Number.isInteger(page) ||
    page < 0 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > MAX_PAGE_SIZE
  ) {
    throw new BriefError(
      'VALIDATION',
      `Pages are numbered from 0 and hold 1 to ${MAX_PAGE_SIZE} messages; ask again with such a page.`,
    );
  }
  const { data, range } = prepareReport(input);
  const selected = selectMessages(data, range, request).sort(newestFirst);
  const gmailAddress = new Map(
    input.accounts
      .filter((account) => account.provider === 'gmail')
      .map((account) => [account.id, account.address]),
  );
  const messages = selected.slice(page * pageSize, (page + 1) * pageSize).map((m): DrilldownMessage => {
    const address = gmailAddress.get(m.source.accountId);
    return {
      rowId: m.source.rowId,
      accountId: m.source.accountId,
      providerId: m.source.providerId,
      time: m.dated ? isoOf(m.time) : null,
      direction: m.sent ? 'sent' : 'received',
      sender: m.source.sender,
      senderName: m.source.senderName,
      recipients: [...m.source.to, ...m.source.cc, ...m.source.bcc],
      subject: m.source.subject,
      automated: m.automated,
      labels: m.source.labels,
      link:
        address === undefined
          ? null
          : `https://mail.google.com/mail/u/${address}/#all/${m.source.providerId}`,
    };
  });
  return { total: selected.length, page, pageSize, messages };
}
