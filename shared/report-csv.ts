/**
 * The report's figures as CSV tables, declared once: `brief report --csv FIGURE` prints them and
 * the dashboard's export buttons save them, so both give the same content.
 */
import { BriefError } from './errors.ts';
import type { Report, ResponseTimeSummary } from './report-types.ts';

type Cell = string | number | boolean | null;
type Table = { header: string[]; rows: Cell[][] };

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or CR before one):
 * a sender's name is whatever the sender chose, so `=HYPERLINK(…)` must stay text. A leading `'`
 * makes it text (OWASP's advice for CSV injection); numbers are numbers and keep their sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function statsRows(label: string, stats: ResponseTimeSummary): Cell[] {
  return [
    label,
    stats.count,
    stats.medianMs,
    stats.p90Ms,
    stats.meanMs,
    stats.within1hShare,
    ...stats.buckets,
  ];
}

const STATS_HEADER = [
  'kind',
  'count',
  'medianMs',
  'p90Ms',
  'meanMs',
  'within1hShare',
  'under1h',
  '1h-4h',
  '4h-24h',
  '1d-3d',
  '3d-7d',
  'over7d',
];

/** One table per figure of the report; the keys are the figure names accepted by reportToCsv. */
const TABLES = {
  coverage: (r: Report): Table => {
    const c = r.coverage;
    return {
      header: [
        'messages',
        'sent',
        'received',
        'undated',
        'automated',
        'first',
        'last',
        'mailboxTotal',
        'lastSync',
        'shareSynced',
        'allTimeFirst',
        'allTimeLast',
        'stored',
        'leftOutDrafts',
        'leftOutSpam',
        'leftOutTrash',
      ],
      rows: [
        [
          c.messages,
          c.sent,
          c.received,
          c.undated,
          c.automated,
          c.first,
          c.last,
          c.mailboxTotal,
          c.lastSync,
          c.shareSynced,
          c.allTime.first,
          c.allTime.last,
          c.stored,
          c.leftOut.drafts,
          c.leftOut.spam,
          c.leftOut.trash,
        ],
      ],
    };
  },
  coverageAccounts: (r: Report): Table => ({
    header: ['address', 'source', 'stored', 'mailboxTotal', 'shareSynced', 'lastSync'],
    rows: r.coverage.accounts.map((a) => [
      a.address,
      a.source,
      a.stored,
      a.mailboxTotal,
      a.shareSynced,
      a.lastSync,
    ]),
  }),
  volume: (r: Report): Table => ({
    header: ['date', 'sent', 'received'],
    rows: r.volume.byDay.map((d) => [d.date, d.sent, d.received]),
  }),
  volumeByWeek: (r: Report): Table => ({
    header: ['week', 'sent', 'received'],
    rows: r.volume.byWeek.map((w) => [w.week, w.sent, w.received]),
  }),
  volumeByMonth: (r: Report): Table => ({
    header: ['month', 'sent', 'received'],
    rows: r.volume.byMonth.map((m) => [m.month, m.sent, m.received]),
  }),
  topSenders: (r: Report): Table => ({
    header: ['address', 'name', 'count', 'last', 'automatedShare'],
    rows: r.topSenders.map((s) => [s.address, s.name, s.count, s.last, s.automatedShare]),
  }),
  topRecipients: (r: Report): Table => ({
    header: ['address', 'count', 'last'],
    rows: r.topRecipients.map((s) => [s.address, s.count, s.last]),
  }),
  topDomains: (r: Report): Table => ({
    header: ['list', 'domain', 'count'],
    rows: [
      ...r.topDomains.senders.map((d): Cell[] => ['senders', d.domain, d.count]),
      ...r.topDomains.recipients.map((d): Cell[] => ['recipients', d.domain, d.count]),
    ],
  }),
  busiestTimes: (r: Report): Table => ({
    header: ['direction', 'weekday', 'hour', 'count'],
    rows: (['sent', 'received'] as const).flatMap((direction) =>
      r.busiestTimes[direction].flatMap((row, weekday) =>
        row.map((count, hour): Cell[] => [direction, WEEKDAYS[weekday]!, hour, count]),
      ),
    ),
  }),
  responseTime: (r: Report): Table => ({
    header: STATS_HEADER,
    rows: [
      statsRows('mine', r.responseTime.mine),
      statsRows('theirs', r.responseTime.theirs),
      ...r.responseTime.theirs.byContact.map((c) => statsRows(`theirs:${c.address}`, c)),
    ],
  }),
  workingHours: (r: Report): Table => ({
    header: STATS_HEADER,
    rows: [statsRows('mine', r.workingHours.mine), statsRows('theirs', r.workingHours.theirs)],
  }),
  afterHours: (r: Report): Table => ({
    header: ['share', 'weekendShare'],
    rows: [[r.afterHours.share, r.afterHours.weekendShare]],
  }),
  awaiting: (r: Report): Table => ({
    header: ['on', 'thread', 'subject', 'correspondent', 'last', 'ageMs'],
    rows: [
      ...r.awaiting.onMeList.map((t): Cell[] => [
        'me',
        t.thread,
        t.subject,
        t.correspondent,
        t.last,
        t.ageMs,
      ]),
      ...r.awaiting.onThemList.map((t): Cell[] => [
        'them',
        t.thread,
        t.subject,
        t.correspondent,
        t.last,
        t.ageMs,
      ]),
    ],
  }),
  threads: (r: Report): Table => ({
    header: ['thread', 'subject', 'length', 'participants', 'first', 'last'],
    rows: r.threads.longest.map((t) => [t.thread, t.subject, t.length, t.participants, t.first, t.last]),
  }),
  newsletters: (r: Report): Table => ({
    header: ['address', 'count', 'readShare', 'last', 'unsubscribe', 'rarelyRead'],
    rows: r.newsletters.map((n) => [n.address, n.count, n.readShare, n.last, n.unsubscribe, n.rarelyRead]),
  }),
  labels: (r: Report): Table => ({
    header: ['label', 'count'],
    rows: r.labels.map((l) => [l.label, l.count]),
  }),
  bytesBySender: (r: Report): Table => ({
    header: ['address', 'bytes', 'messages'],
    rows: r.bytesBySender.map((b) => [b.address, b.bytes, b.messages]),
  }),
  relationships: (r: Report): Table => ({
    header: [
      'address',
      'sentTo',
      'receivedFrom',
      'exchanges',
      'balance',
      'last',
      'myMedianMs',
      'theirMedianMs',
    ],
    rows: r.relationships.map((c) => [
      c.address,
      c.sentTo,
      c.receivedFrom,
      c.exchanges,
      c.balance,
      c.last,
      c.myMedianMs,
      c.theirMedianMs,
    ]),
  }),
  goingQuiet: (r: Report): Table => ({
    header: ['address', 'exchanges', 'last'],
    rows: r.goingQuiet.map((c) => [c.address, c.exchanges, c.last]),
  }),
  network: (r: Report): Table => ({
    header: ['a', 'b', 'weight'],
    rows: r.network.edges.map((e) => [e.a, e.b, e.weight]),
  }),
  comparison: (r: Report): Table => ({
    header: ['figure', 'now', 'before', 'change'],
    rows: r.comparison
      ? Object.entries(r.comparison.figures).map(([name, c]) => [name, c.now, c.before, c.change])
      : [],
  }),
} satisfies Record<string, (report: Report) => Table>;

export type CsvFigure = keyof typeof TABLES;
export const CSV_FIGURES = Object.keys(TABLES) as CsvFigure[];

/** One figure of a report as CSV (RFC 4180: comma-separated, quoted when needed, CRLF line ends). */
export function reportToCsv(report: Report, figure: CsvFigure): string {
  const table = TABLES[figure] as ((report: Report) => Table) | undefined;
  if (!table) {
    throw new BriefError(
      'VALIDATION',
      `There is no figure "${figure}" to export. Choose one of: ${CSV_FIGURES.join(', ')}.`,
    );
  }
  const { header, rows } = table(report);
  return `${[header, ...rows].map((row) => row.map(cellText).join(',')).join('\r\n')}\r\n`;
}
