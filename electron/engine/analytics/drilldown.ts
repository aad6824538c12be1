import type { DrilldownMessage, DrilldownPage } from '../../../shared/analytics-types.ts';
import { BriefError } from '../../../shared/errors.ts';
import { type DrilldownTarget, selectMessages } from './drilldown-select.ts';
import { AUTOMATED, DATED, type Dataset, messageAt, SENT } from './prepare.ts';
import { prepareReport } from './report.ts';
import { isoOf } from './time/zone-clock.ts';
import type { ReportInput } from './types.ts';

export interface DrilldownRequest extends DrilldownTarget {
  /** 0-based page. */
  page?: number;
  pageSize?: number;
}

/** The page shapes cross the contract, so they are declared once, in shared/. */
export type { DrilldownMessage, DrilldownPage } from '../../../shared/analytics-types.ts';

const MAX_PAGE_SIZE = 500;

/** Newest first; undated last; ties by storage order. */
function newestFirst(data: Dataset): (a: number, b: number) => number {
  return (a, b) => {
    const aDated = (data.flags[a]! & DATED) !== 0;
    if (aDated !== ((data.flags[b]! & DATED) !== 0)) return aDated ? -1 : 1;
    return (aDated ? data.time[b]! - data.time[a]! : 0) || data.rowId[a]! - data.rowId[b]!;
  };
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
  const selected = selectMessages(data, range, request).sort(newestFirst(data));
  const gmailAddress = new Map(
    input.accounts
      .filter((account) => account.provider === 'gmail')
      .map((account) => [account.id, account.address]),
  );
  const messages = selected.slice(page * pageSize, (page + 1) * pageSize).map((i): DrilldownMessage => {
    const source = messageAt(data, i);
    const address = gmailAddress.get(source.accountId);
    return {
      rowId: source.rowId,
      accountId: source.accountId,
      providerId: source.providerId,
      time: (data.flags[i]! & DATED) !== 0 ? isoOf(data.time[i]!) : null,
      direction: (data.flags[i]! & SENT) !== 0 ? 'sent' : 'received',
      sender: source.sender,
      senderName: source.senderName,
      recipients: [...source.to, ...source.cc, ...source.bcc],
      subject: source.subject,
      automated: (data.flags[i]! & AUTOMATED) !== 0,
      labels: source.labels,
      link:
        address === undefined ? null : `https://mail.google.com/mail/u/${address}/#all/${source.providerId}`,
    };
  });
  return { total: selected.length, page, pageSize, messages };
}
