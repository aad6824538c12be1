/** The readable terminal report: the headline figures of METRICS.md, compactly. */
import { storedText } from '../../shared/coverage-text.ts';
import type { Report } from '../../shared/report-types.ts';

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
  const anchored =
    report.range.anchor === 'newest' ? ` to the newest message (${coverage.allTime.last})` : '';
  const range =
    report.range.preset === 'custom'
      ? `${report.range.from} … ${report.range.to}`
      : `${report.range.preset}${anchored}`;
  const sent = volume.byDay.reduce((sum, day) => sum + day.sent, 0);
  const received = volume.byDay.reduce((sum, day) => sum + day.received, 0);
  const lines = [
    `360Brief report for ${report.account}   range ${range}   zone ${report.timeZone}   as of ${report.asOf}`,
    '',
    `Coverage      ${coverage.messages} messages (${coverage.sent} sent, ${coverage.received} received, ${coverage.undated} undated), ${coverage.automated} automated`,
    `              ${coverage.first ?? '—'} → ${coverage.last ?? '—'}${coverage.mailboxTotal === null ? '' : `   mailbox total ${coverage.mailboxTotal}`}`,
    `Database      ${storedText(coverage)}`,
    `Volume        ${sent} sent, ${received} received on ${volume.byDay.length} days; ${volume.uniqueCorrespondents} unique correspondents`,
    `My replies    ${responseTime.mine.count} replies, median ${duration(responseTime.mine.medianMs)}, p90 ${duration(responseTime.mine.p90Ms)}, within 1 h ${percent(responseTime.mine.within1hShare)}`,
    `Their replies ${responseTime.theirs.count} replies, median ${duration(responseTime.theirs.medianMs)}, p90 ${duration(responseTime.theirs.p90Ms)}, within 1 h ${percent(responseTime.theirs.within1hShare)}`,
    `Threads       ${threads.count} threads, median length ${threads.medianLength ?? '—'}, p90 ${threads.p90Length ?? '—'}`,
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
