/**
 * The readable terminal report: the headline figures of docs/metrics.md, compactly, its times in
 * the report's zone.
 */
import { storedText } from '../../shared/coverage-text.ts';
import { counted } from '../../shared/plural.ts';
import type { Report } from '../../shared/report-types.ts';

/** An instant as the report's zone reads it: 2026-12-06 06:28. */
export function localTime(iso: string | null, timeZone: string): string {
  if (iso === null) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function duration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = ms / 60_000;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

export function formatReport(report: Report): string {
  const { coverage, volume, responseTime, threads, awaiting, afterHours } = report;
  const zone = report.timeZone;
  const anchored =
    report.range.anchor === 'newest'
      ? ` to the newest message (${localTime(coverage.allTime.last, zone)})`
      : '';
  const range = report.range.days?.replace('..', ' … ') ?? `${report.range.preset}${anchored}`;
  const sent = volume.byDay.reduce((sum, day) => sum + day.sent, 0);
  const received = volume.byDay.reduce((sum, day) => sum + day.received, 0);
  const lines = [
    `360Brief report for ${report.account}   range ${range}   zone ${zone}   as of ${localTime(report.asOf, zone)}`,
    '',
    `Coverage      ${counted(coverage.messages, 'message')} (${coverage.sent} sent, ${coverage.received} received, ${coverage.undated} undated), ${coverage.automated} automated`,
    `              ${localTime(coverage.first, zone)} → ${localTime(coverage.last, zone)}${coverage.mailboxTotal === null ? '' : `   mailbox total ${coverage.mailboxTotal}`}`,
    `Database      ${storedText(coverage)}`,
    `Volume        ${sent} sent, ${received} received on ${counted(volume.byDay.length, 'day')}; ${counted(volume.uniqueCorrespondents, 'unique correspondent')}`,
    `My replies    ${counted(responseTime.mine.count, 'reply', 'replies')}, median ${duration(responseTime.mine.medianMs)}, p90 ${duration(responseTime.mine.p90Ms)}, within 1 h ${percent(responseTime.mine.within1hShare)}`,
    `Their replies ${counted(responseTime.theirs.count, 'reply', 'replies')}, median ${duration(responseTime.theirs.medianMs)}, p90 ${duration(responseTime.theirs.p90Ms)}, within 1 h ${percent(responseTime.theirs.within1hShare)}`,
    `Threads       ${counted(threads.count, 'thread')}, median length ${threads.medianLength ?? '—'}, p90 ${threads.p90Length ?? '—'}`,
    `Awaiting      ${awaiting.onMe} on me, ${awaiting.onThem} on them`,
    `After hours   ${percent(afterHours.share)} of sent mail; weekends ${percent(afterHours.weekendShare)}`,
    '',
    'Top senders',
    ...report.topSenders
      .slice(0, 10)
      .map((row) => `  ${String(row.count).padStart(6)}  ${row.address}${row.name ? `  (${row.name})` : ''}`),
    'Top recipients',
    ...report.topRecipients.slice(0, 10).map((row) => `  ${String(row.count).padStart(6)}  ${row.address}`),
  ];
  return `${lines.join('\n')}\n`;
}
