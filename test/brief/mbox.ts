/** Small mbox files for the Brief's engine and CLI tests: one message per entry, written to a folder. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MboxMessage {
  id: string;
  date: string;
  from: string;
  to: string;
  subject: string;
  inReplyTo?: string;
  extra?: string[];
}

function entry(message: MboxMessage): string {
  const date = new Date(message.date);
  return [
    `From ${message.from} ${date.toUTCString().replace(',', '')}`,
    `Message-ID: <${message.id}>`,
    ...(message.inReplyTo ? [`In-Reply-To: <${message.inReplyTo}>`] : []),
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `From: ${message.from}`,
    `To: ${message.to}`,
    `Subject: ${message.subject}`,
    ...(message.extra ?? []),
    '',
    'Hello.',
    '',
  ].join('\n');
}

/** Writes `<folder>/<name>` with the messages; returns its path. */
export function writeMbox(folder: string, name: string, messages: MboxMessage[]): string {
  const path = join(folder, name);
  writeFileSync(path, messages.map(entry).join('\n'));
  return path;
}
