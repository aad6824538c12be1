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

  it('exports every figure with a header row and leaves empty values blank', () => {
    for (const figure of CSV_FIGURES) expect(reportToCsv(report, figure).split('\r\n')[0]).not.toBe('');
    expect(reportToCsv(report, 'responseTime').split('\r\n')[2]).toBe('theirs,0,,,,,0,0,0,0,0,0');
    expect(reportToCsv(report, 'busiestTimes').split('\r\n')).toContain('received,Thursday,9,1');
  });

  it('refuses an unknown figure with a VALIDATION error', () => {
    expect(() => reportToCsv(report, 'pie' as 'labels')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
