import { describe, expect, it } from 'vitest';
import { CSV_FIGURES, computeReport, reportToCsv } from '../../electron/engine/analytics/index.ts';
import { received, reportInput, sent } from './builders.ts';

const report = computeReport(
  reportInput(
    [
      received('2025-05-01T09:00:00Z', 'ann@a.example', { senderName: 'Martin, Ann "AM"', threadKey: 't' }),
      sent('2025-05-01T10:00:00Z', ['ann@a.example'], { threadKey: 't' }),
    ],
    '2025-06-01T00:00:00Z',
    '90',
  ),
);

describe('CSV export', () => {
  it('quotes cells with commas and quotes, and ends lines with CRLF', () => {
    expect(reportToCsv(report, 'topSenders')).toBe(
      'address,name,count,last,automatedShare\r\nann@a.example,"Martin, Ann ""AM""",1,2025-05-01T09:00:00.000Z,0\r\n',
    );
  });

  it('keeps text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) as text', () => {
    const names = [
      '=HYPERLINK("https://x.example","open")',
      '+1 555 0100',
      '-Bob',
      '@SUM(A1)',
      '\tTab',
      '\rReturn',
    ];
    const hostile = computeReport(
      reportInput(
        names.map((senderName, index) =>
          received(`2025-05-0${index + 1}T09:00:00Z`, `s${index}@a.example`, { senderName }),
        ),
        '2025-06-01T00:00:00Z',
        '90',
      ),
    );
    expect(reportToCsv(hostile, 'topSenders')).toBe(
      [
        'address,name,count,last,automatedShare',
        's0@a.example,"\'=HYPERLINK(""https://x.example"",""open"")",1,2025-05-01T09:00:00.000Z,0',
        "s1@a.example,'+1 555 0100,1,2025-05-02T09:00:00.000Z,0",
        "s2@a.example,'-Bob,1,2025-05-03T09:00:00.000Z,0",
        "s3@a.example,'@SUM(A1),1,2025-05-04T09:00:00.000Z,0",
        "s4@a.example,'\tTab,1,2025-05-05T09:00:00.000Z,0",
        's5@a.example,"\'\rReturn",1,2025-05-06T09:00:00.000Z,0',
        '',
      ].join('\r\n'),
    );
  });

  it('exports every figure with a header row and leaves empty values blank', () => {
    for (const figure of CSV_FIGURES) expect(reportToCsv(report, figure).split('\r\n')[0]).not.toBe('');
    expect(reportToCsv(report, 'responseTime').split('\r\n')[2]).toBe('theirs,0,,,,,0,0,0,0,0,0');
    expect(reportToCsv(report, 'busiestTimes').split('\r\n')).toContain('received,Thursday,9,1');
  });

  it('flattens coverage into plain cells, with each account on a row of its own', () => {
    for (const figure of CSV_FIGURES) expect(reportToCsv(report, figure), figure).not.toContain('[object');
    const [header, row] = reportToCsv(report, 'coverage').split('\r\n');
    expect(header).toBe(
      'messages,sent,received,undated,automated,first,last,mailboxTotal,lastSync,shareSynced,allTimeFirst,allTimeLast,stored,leftOutDrafts,leftOutSpam,leftOutTrash',
    );
    expect(row).toBe(
      '2,1,1,0,0,2025-05-01T09:00:00.000Z,2025-05-01T10:00:00.000Z,,,,2025-05-01T09:00:00.000Z,2025-05-01T10:00:00.000Z,2,0,0,0',
    );
    expect(reportToCsv(report, 'coverageAccounts')).toBe(
      'address,source,stored,mailboxTotal,shareSynced,lastSync\r\nme@example.com,gmail,2,,,\r\n',
    );
  });

  it('refuses an unknown figure with a VALIDATION error', () => {
    expect(() => reportToCsv(report, 'pie' as 'labels')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
