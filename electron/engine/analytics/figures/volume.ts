import type { Volume, VolumeEntry } from '../../../../shared/report-types.ts';
import { shareOf } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { dateOfDay, weekStartOfDay } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { contactTally } from './contact-tally.ts';
import { messageTally } from './message-tally.ts';

export const volumeDefinition =
  'Sent and received counted messages per local day, week (Monday first) and month in the range, zeros included from the first to the last dated message. Unique correspondents = distinct contacts that sent you a received dated message or received (To, Cc, Bcc) a sent dated message in the range; your own addresses never count. Automated share = automated ÷ counted messages. For "all", the totals also include undated messages.';

function monthOfDay(day: number): string {
  return dateOfDay(day).slice(0, 7);
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** Figure 1. */
export function computeVolume(data: Dataset, range: ResolvedRange): Volume {
  const { sent, received, automated, firstDay, lastDay, sentOn, receivedOn } = messageTally(data, range);
  const uniqueCorrespondents = contactTally(data, range.from, range.to).correspondents;
  const byDay: Volume['byDay'] = [];
  const weeks = new Map<number, VolumeEntry>();
  const months = new Map<string, VolumeEntry>();
  for (let day = firstDay; day <= lastDay; day++) {
    const entry = { sent: sentOn[day - data.firstDay]!, received: receivedOn[day - data.firstDay]! };
    byDay.push({ date: dateOfDay(day), sent: entry.sent, received: entry.received });
    const week = weekStartOfDay(day);
    const month = monthOfDay(day);
    const weekEntry = weeks.get(week) ?? { sent: 0, received: 0 };
    const monthEntry = months.get(month) ?? { sent: 0, received: 0 };
    weekEntry.sent += entry.sent;
    weekEntry.received += entry.received;
    monthEntry.sent += entry.sent;
    monthEntry.received += entry.received;
    weeks.set(week, weekEntry);
    months.set(month, monthEntry);
  }
  const byMonth: Volume['byMonth'] = [];
  if (byDay.length > 0) {
    const last = monthOfDay(lastDay);
    for (let month = monthOfDay(firstDay); ; month = nextMonth(month)) {
      byMonth.push({ month, ...(months.get(month) ?? { sent: 0, received: 0 }) });
      if (month === last) break;
    }
  }
  return {
    byDay,
    uniqueCorrespondents,
    byWeek: [...weeks].map(([week, entry]) => ({ week: dateOfDay(week), ...entry })),
    byMonth,
    sent,
    received,
    automated,
    automatedShare: shareOf(automated, sent + received),
  };
}
