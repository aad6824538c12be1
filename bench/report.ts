/** The human table: figure, value, target, pass, then each row's protocol under it. */
import { ms } from './measure.ts';
import type { Row } from './row.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function formatTable(rows: readonly Row[], run: { quick: boolean; elapsedMs: number }): string {
  const lines = [
    '| # | figure | value | target | pass |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row, index) =>
        `| ${index + 1} | ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.target)} | ${row.pass ? 'pass' : 'FAIL'} |`,
    ),
    '',
    'What each row measured:',
    '',
    ...rows.map((row, index) => `${index + 1}. ${row.figure}: ${row.protocol}`),
    '',
    `${rows.filter((row) => row.pass).length} of ${rows.length} pass; ${run.quick ? 'quick' : 'full'} run in ${ms(run.elapsedMs)}.`,
  ];
  return `${lines.join('\n')}\n`;
}
