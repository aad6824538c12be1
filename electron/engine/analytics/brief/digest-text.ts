/** `brief digest` as plain text: the Brief's sentences, its lists, and how each section is computed. */

import {
  ageText,
  BRIEF_SECTIONS,
  briefSentences,
  DIGEST_LIST_LIMIT,
  localText,
} from '../../../../shared/brief-text.ts';
import type { Brief, BriefThread } from '../../../../shared/brief-types.ts';

function limited<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, DIGEST_LIST_LIMIT).map(line);
  if (items.length > DIGEST_LIST_LIMIT)
    lines.push(`  … and ${items.length - DIGEST_LIST_LIMIT} more in the dashboard`);
  return lines;
}

function threadLine(thread: BriefThread): string {
  const fresh = thread.isNew ? '  [new]' : '';
  const link = thread.gmailLink ? `\n             ${thread.gmailLink}` : '';
  return `  ${ageText(thread.ageMs).padEnd(9)}  ${thread.subject || '(no subject)'} — ${thread.correspondent ?? '—'}${fresh}${link}`;
}

function sectionLines(brief: Brief, id: (typeof BRIEF_SECTIONS)[number]['id']): string[] {
  switch (id) {
    case 'waitingOnYou':
      return limited(brief.waitingOnYou.threads, threadLine);
    case 'waitingOnThem':
      return limited(brief.waitingOnThem.threads, threadLine);
    case 'goingQuiet':
      return limited(
        brief.goingQuiet,
        (contact) =>
          `  ${contact.address} — ${contact.exchanges} exchanges, the last ${localText(contact.last, brief.timeZone)}`,
      );
    case 'newsletters':
      return limited(
        brief.newsletters.senders,
        (sender) =>
          `  ${sender.address} — ${sender.count} unread; unsubscribe: ${sender.unsubscribe ?? 'no link given'}`,
      );
    default:
      return [];
  }
}

export function digestText(brief: Brief): string {
  const sentences = briefSentences(brief);
  const lines = [`360Brief — ${brief.account}`, sentences.asOf];
  for (const section of BRIEF_SECTIONS) {
    lines.push(
      '',
      section.title.toUpperCase(),
      sentences[section.id],
      ...sectionLines(brief, section.id),
      `  How: ${brief.definitions[section.definition]} (docs/metrics.md#${section.definition})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
