/**
 * Typed views of the report keys beyond the stable core (electron/engine/analytics/figures):
 * each reader answers null when the report does not carry the figure, so a view can say so.
 */
import type { Report } from '../../../shared/analytics-types.ts';
import { HEADLINES, type Headline } from '../../../shared/analytics-types.ts';
import { field, isRow, num, type Row, rows, str } from './read.ts';

export interface Series {
  label: string;
  sent: number;
  received: number;
}

export function volumeSeries(report: Report, unit: 'day' | 'week' | 'month'): Series[] | null {
  const source = { day: ['byDay', 'date'], week: ['byWeek', 'week'], month: ['byMonth', 'month'] }[unit];
  const list = rows(field(report, 'volume', source[0]!));
  if (!list) return null;
  return list.map((row) => ({
    label: str(row[source[1]!]) ?? '',
    sent: num(row.sent) ?? 0,
    received: num(row.received) ?? 0,
  }));
}

export function automatedShare(report: Report): number | null {
  return num(field(report, 'volume', 'automatedShare'));
}

export interface SenderRow {
  address: string;
  name: string | null;
  count: number;
  last: string | null;
  automatedShare: number | null;
}

export function senderRows(report: Report): SenderRow[] {
  return (rows(report.topSenders) ?? []).map((row) => ({
    address: str(row.address) ?? '',
    name: str(row.name),
    count: num(row.count) ?? 0,
    last: str(row.last),
    automatedShare: num(row.automatedShare),
  }));
}

export interface AwaitingItem {
  thread: string;
  subject: string | null;
  correspondent: string | null;
  last: string | null;
  ageMs: number | null;
}

/** The awaiting lists ride beside the core counts as `onMeList` and `onThemList`. */
export function awaitingLists(report: Report): { onMe: AwaitingItem[]; onThem: AwaitingItem[] } | null {
  const onMe = rows(field(report, 'awaiting', 'onMeList'));
  const onThem = rows(field(report, 'awaiting', 'onThemList'));
  if (!onMe || !onThem) return null;
  const read = (list: Row[]) =>
    list.map((row) => ({
      thread: String(row.thread ?? ''),
      subject: str(row.subject),
      correspondent: str(row.correspondent),
      last: str(row.last),
      ageMs: num(row.ageMs),
    }));
  return { onMe: read(onMe), onThem: read(onThem) };
}

export interface WeeklyPoint {
  week: string;
  medianMs: number | null;
}

export function weeklyMedians(summary: unknown): WeeklyPoint[] | null {
  const list = rows(field(summary, 'weekly'));
  return list ? list.map((row) => ({ week: str(row.week) ?? '', medianMs: num(row.medianMs) })) : null;
}

export interface ContactDelay {
  address: string;
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export function theirsByContact(report: Report): ContactDelay[] | null {
  const list = rows(field(report, 'responseTime', 'theirs', 'byContact'));
  return list
    ? list.map((row) => ({
        address: str(row.address) ?? '',
        count: num(row.count) ?? 0,
        medianMs: num(row.medianMs),
        p90Ms: num(row.p90Ms),
      }))
    : null;
}

export interface WorkingHoursView {
  hours: { days: number[]; start: string; end: string } | null;
  mine: Row;
  theirs: Row;
}

export function workingHoursView(report: Report): WorkingHoursView | null {
  const holder = report.workingHours;
  if (!isRow(holder) || !isRow(holder.mine) || !isRow(holder.theirs)) return null;
  const hours = field(holder, 'hours');
  return {
    hours: isRow(hours)
      ? { days: (hours.days as number[]) ?? [], start: str(hours.start) ?? '', end: str(hours.end) ?? '' }
      : null,
    mine: field(holder, 'mine') as Row,
    theirs: field(holder, 'theirs') as Row,
  };
}

export interface ThreadRow {
  thread: string;
  subject: string | null;
  length: number;
  participants: number;
  first: string | null;
  last: string | null;
}

export function longestThreads(report: Report): ThreadRow[] | null {
  const list = rows(field(report, 'threads', 'longest'));
  return list
    ? list.map((row) => ({
        thread: String(row.thread ?? ''),
        subject: str(row.subject),
        length: num(row.length) ?? 0,
        participants: num(row.participants) ?? 0,
        first: str(row.first),
        last: str(row.last),
      }))
    : null;
}

export interface NewsletterRow {
  address: string;
  count: number;
  readShare: number | null;
  last: string | null;
  unsubscribe: string | null;
  rarelyRead: boolean;
}

export function newsletterRows(report: Report): NewsletterRow[] | null {
  const list = rows(report.newsletters);
  return list
    ? list.map((row) => ({
        address: str(row.address) ?? '',
        count: num(row.count) ?? 0,
        readShare: num(row.readShare),
        last: str(row.last),
        unsubscribe: str(row.unsubscribe),
        rarelyRead: row.rarelyRead === true,
      }))
    : null;
}

export function labelRows(report: Report): Array<{ label: string; count: number }> | null {
  const list = rows(report.labels);
  return list ? list.map((row) => ({ label: str(row.label) ?? '', count: num(row.count) ?? 0 })) : null;
}

export function bytesBySender(
  report: Report,
): Array<{ address: string; bytes: number; messages: number | null }> | null {
  const list = rows(report.bytesBySender);
  return list
    ? list.map((row) => ({
        address: str(row.address) ?? '',
        bytes: num(row.bytes) ?? 0,
        messages: num(row.messages),
      }))
    : null;
}

export interface RelationshipRow {
  address: string;
  sentTo: number;
  receivedFrom: number;
  exchanges: number;
  balance: number;
  last: string | null;
  myMedianMs: number | null;
  theirMedianMs: number | null;
}

export function relationshipRows(report: Report): RelationshipRow[] | null {
  const list = rows(report.relationships);
  return list
    ? list.map((row) => ({
        address: str(row.address) ?? '',
        sentTo: num(row.sentTo) ?? 0,
        receivedFrom: num(row.receivedFrom) ?? 0,
        exchanges: num(row.exchanges) ?? 0,
        balance: num(row.balance) ?? 0,
        last: str(row.last),
        myMedianMs: num(row.myMedianMs),
        theirMedianMs: num(row.theirMedianMs),
      }))
    : null;
}

export function goingQuietRows(
  report: Report,
): Array<{ address: string; exchanges: number; last: string | null }> | null {
  const list = rows(report.goingQuiet);
  return list
    ? list.map((row) => ({
        address: str(row.address) ?? '',
        exchanges: num(row.exchanges) ?? 0,
        last: str(row.last),
      }))
    : null;
}

export interface Network {
  nodes: Array<{ address: string; exchanges: number }>;
  edges: Array<{ a: string; b: string; weight: number }>;
}

export function network(report: Report): Network | null {
  const nodes = rows(field(report, 'network', 'nodes'));
  const edges = rows(field(report, 'network', 'edges'));
  if (!nodes || !edges) return null;
  return {
    nodes: nodes.map((row) => ({ address: str(row.address) ?? '', exchanges: num(row.exchanges) ?? 0 })),
    edges: edges.map((row) => ({ a: str(row.a) ?? '', b: str(row.b) ?? '', weight: num(row.weight) ?? 0 })),
  };
}

export { HEADLINES, type Headline };

export interface Comparison {
  previous: { from: string | null; to: string | null };
  figures: Partial<Record<Headline, { now: number | null; before: number | null; change: number | null }>>;
}

export function comparison(report: Report): Comparison | null {
  const value = report.comparison;
  if (!isRow(value) || !isRow(value.figures)) return null;
  const figures: Comparison['figures'] = {};
  for (const key of HEADLINES) {
    const entry = value.figures[key];
    if (isRow(entry))
      figures[key] = { now: num(entry.now), before: num(entry.before), change: num(entry.change) };
  }
  return {
    previous: { from: str(field(value, 'previous', 'from')), to: str(field(value, 'previous', 'to')) },
    figures,
  };
}

export function shareSynced(report: Report): number | null {
  return num(field(report, 'coverage', 'shareSynced'));
}

export function medianParticipants(report: Report): number | null {
  return num(field(report, 'threads', 'medianParticipants'));
}
