/** Row 10: database bytes per message after importing beck-s with raw data off. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../electron/engine/engine.ts';
import { engineServicesForTests } from '../electron/engine/testing.ts';
import { CORPORA_ABSENT } from './context.ts';
import { enronAddress } from './corpus.ts';
import { count } from './measure.ts';
import { notMeasured, type RowGroup } from './row.ts';

const FIGURE = 'Store size per message';
const TARGET = '< 1.5 KB';

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export const storeSizeGroup: RowGroup = {
  name: 'store-size',
  figures: [FIGURE],
  async run(context) {
    const user = context.enronUser('beck-s');
    const protocol =
      'fresh database, import.start of enron/beck-s (keepRawData off, the default) to completion, WAL checkpointed; (database + WAL bytes) ÷ rows in message_cache; the analytics cache the import warms is included';
    if (user === null) return [notMeasured(FIGURE, TARGET, CORPORA_ABSENT, protocol)];
    const path = join(context.scratch('store-size'), 'brief.db');
    const engine = Engine.open({ databasePath: path });
    let messages: number;
    try {
      const job = await engine.call('import.start', { paths: [user], account: enronAddress(user) });
      await engine.runner.runUntilIdle();
      const done = engineServicesForTests(engine).jobs.getJob(job.id);
      if (done.status !== 'completed')
        return [notMeasured(FIGURE, TARGET, `import ${done.status}`, protocol)];
      const { db } = engineServicesForTests(engine).store;
      messages = (db.prepare('SELECT count(*) AS n FROM message_cache').get() as { n: number }).n;
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      await engine.close();
    }
    const bytes = fileBytes(path) + fileBytes(`${path}-wal`);
    const perMessage = bytes / messages;
    return [
      {
        figure: FIGURE,
        value: `${(perMessage / 1024).toFixed(2)} KB (${count(bytes)} bytes ÷ ${count(messages)} messages)`,
        target: TARGET,
        pass: perMessage < 1.5 * 1024,
        protocol,
      },
    ];
  },
};
