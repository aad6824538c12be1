import type { Random } from './random.ts';
import type { Composed } from './thread.ts';

/** Kinds of damage found in real mailboxes that importers and the mail model must survive. */
export const DEFECTS = ['missing-date', 'bad-date', 'missing-from', 'eight-bit-header'] as const;
export type Defect = (typeof DEFECTS)[number];

/** Share of received messages that arrive damaged. */
export const DEFECT_RATE = 0.004;

const BAD_DATES = [
  'Mon, 32 Foo 2020 25:61:00 +0000',
  'yesterday',
  '2021-13-45T99:00:00',
  'Thu, 1 Jan 1970 00:00:00 +0000',
];

/**
 * Damages one composed message in place. The eight-bit header carries Latin-1 bytes that are
 * not valid UTF-8 once written (toRfc822 writes every character below U+0100 as one byte).
 */
export function damage(message: Composed, defect: Defect, random: Random): void {
  const { headers } = message;
  const index = (name: string) => headers.findIndex((header) => header.name === name);
  switch (defect) {
    case 'missing-date':
      headers.splice(index('Date'), 1);
      return;
    case 'bad-date':
      headers[index('Date')]!.value = random.pick(BAD_DATES);
      return;
    case 'missing-from':
      headers.splice(index('From'), 1);
      return;
    case 'eight-bit-header': {
      const subject = headers[index('Subject')]!;
      subject.value = `${subject.value} \u00e9t\u00e9 \u00fcber caf\u00e9 \u00ff\u00fe`;
    }
  }
}
