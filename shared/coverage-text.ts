/**
 * Why a count of stored messages (`brief accounts`, the database) is larger than the report's
 * count of messages, in words: the same sentence in the terminal and on the dashboard.
 */
import { formatCount as count, counted } from './plural.ts';
import type { Coverage } from './report-types.ts';

function joinWords(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "2 drafts, 1 in spam and 1,304 in the trash", or null when every stored message counts. */
export function leftOutText(coverage: Pick<Coverage, 'leftOut'>): string | null {
  const { drafts, spam, trash } = coverage.leftOut;
  const parts = [
    drafts > 0 ? counted(drafts, 'draft') : null,
    spam > 0 ? `${count(spam)} in spam` : null,
    trash > 0 ? `${count(trash)} in the trash` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : joinWords(parts);
}

/** "4,759 messages stored; not counted: 1,304 in the trash", or "…, all counted". */
export function storedText(coverage: Pick<Coverage, 'stored' | 'leftOut'>): string {
  const stored = `${counted(coverage.stored, 'message')} stored`;
  const leftOut = leftOutText(coverage);
  return leftOut === null ? `${stored}, all counted` : `${stored}; not counted: ${leftOut}`;
}
