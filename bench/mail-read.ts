/** Row 4: the mail model's reader over the Enron users, beside `cat` over the same bytes. */
import { readMail } from '../electron/engine/mail/index.ts';
import { CORPORA_ABSENT } from './context.ts';
import { catMs, filesUnder, totalBytes } from './corpus.ts';
import { mbPerSecond, megabytes, ms, now } from './measure.ts';
import { notMeasured, type RowGroup } from './row.ts';

const FIGURE = 'Mail reading';
const TARGET = '≥ 40 MB/s (import cannot beat its reader)';

export const mailReadGroup: RowGroup = {
  name: 'mail-read',
  figures: [FIGURE],
  async run(context) {
    const users = context.enronUsers();
    const protocol =
      'readMail over the Enron user folders (every message parsed to facts), files already in the page cache; cat = fastest of 3 `cat files > /dev/null`';
    if (users === null) return [notMeasured(FIGURE, TARGET, CORPORA_ABSENT, protocol)];
    const files = users.flatMap(filesUnder);
    const bytes = totalBytes(files);
    const cat = catMs(files);
    const started = now();
    let messages = 0;
    for await (const item of readMail(users)) if (item.kind === 'message') messages += 1;
    const elapsed = now() - started;
    const rate = mbPerSecond(bytes, elapsed);
    return [
      {
        figure: FIGURE,
        value: `${rate.toFixed(1)} MB/s (${megabytes(bytes)}, ${messages} messages in ${ms(elapsed)}; cat ${ms(cat)}, ${(elapsed / cat).toFixed(0)}× cat)`,
        target: TARGET,
        pass: rate >= 40,
        protocol: `${protocol}; users: ${users.map((user) => user.split('/').pop()).join(', ')}`,
      },
    ];
  },
};
