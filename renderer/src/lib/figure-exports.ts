/**
 * What each figure exports: its CSV table (the same as `brief report --csv`, shared/report-csv.ts)
 * and its part of the JSON report, under the report's account, zone, as-of time and range.
 */
import type { CsvFigure } from '../../../shared/report-csv.ts';
import type { DefinitionKey, Report } from '../../../shared/report-types.ts';

export const FIGURE_EXPORTS: Record<DefinitionKey, { csv: CsvFigure; json: (report: Report) => unknown }> = {
  coverage: { csv: 'coverage', json: (r) => r.coverage },
  volume: { csv: 'volume', json: (r) => r.volume },
  topSenders: { csv: 'topSenders', json: (r) => r.topSenders },
  topRecipients: { csv: 'topRecipients', json: (r) => r.topRecipients },
  topDomains: { csv: 'topDomains', json: (r) => r.topDomains },
  busiestTimes: { csv: 'busiestTimes', json: (r) => r.busiestTimes },
  responseTimeMine: { csv: 'responseTime', json: (r) => r.responseTime.mine },
  responseTimeTheirs: { csv: 'responseTime', json: (r) => r.responseTime.theirs },
  workingHours: { csv: 'workingHours', json: (r) => r.workingHours },
  afterHours: { csv: 'afterHours', json: (r) => r.afterHours },
  awaiting: { csv: 'awaiting', json: (r) => r.awaiting },
  threads: { csv: 'threads', json: (r) => r.threads },
  newsletters: { csv: 'newsletters', json: (r) => r.newsletters },
  labels: { csv: 'labels', json: (r) => r.labels },
  bytesBySender: { csv: 'bytesBySender', json: (r) => r.bytesBySender },
  relationships: { csv: 'relationships', json: (r) => r.relationships },
  goingQuiet: { csv: 'goingQuiet', json: (r) => r.goingQuiet },
  network: { csv: 'network', json: (r) => r.network },
  comparison: { csv: 'comparison', json: (r) => r.comparison },
};

/** The JSON a figure exports: where it comes from, then its data. */
export function figureJson(report: Report, figure: string, data: unknown): string {
  const { account, timeZone, asOf, range } = report;
  return `${JSON.stringify({ account, timeZone, asOf, range, figure, data }, null, 2)}\n`;
}

/** `360brief-topSenders-all-30.csv`: the figure, the account and the range, safe as a file name. */
export function exportFileName(report: Report, figure: string, extension: 'csv' | 'json'): string {
  const range = report.range.preset === 'custom' ? (report.range.days ?? 'custom') : report.range.preset;
  const account = report.account.replace(/[^A-Za-z0-9._@-]+/g, '_');
  return `360brief-${figure}-${account}-${range}${report.range.anchor === 'newest' ? '-to-newest' : ''}.${extension}`;
}

/** Saves text as a file through the browser's (or the app's) download. */
export function saveText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
