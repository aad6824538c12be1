/** Rows 1–3: the store's job queue, bulk message writes and message-cache queries. */
import { join } from 'node:path';
import { AccountService } from '../electron/engine/cache/account-service.ts';
import { type CacheItem, MessageCacheService } from '../electron/engine/cache/message-cache-service.ts';
import { openDatabase } from '../electron/engine/db/open.ts';
import { rederiveAccount } from '../electron/engine/derive-account.ts';
import { JobService } from '../electron/engine/jobs/job-service.ts';
import { generateMailbox, gmailMetadataOf } from '../electron/engine/mail/generator/index.ts';
import { factsFromGmail } from '../electron/engine/mail/index.ts';
import type { BenchContext } from './context.ts';
import { generatorOptions } from './context.ts';
import { count, ms, now, percentile } from './measure.ts';
import type { Row, RowGroup } from './row.ts';
import { messageQueryRows } from './store-queries.ts';

const JOB_CREATIONS = 10_000;
const BULK_BATCH = 1000;

/** Generated messages as the sync stores them: a Gmail `format=metadata` resource through the mail model. */
export function* generatedItems(seed: number, messages: number): Generator<CacheItem> {
  for (const message of generateMailbox(generatorOptions(seed, messages))) {
    yield {
      facts: factsFromGmail(gmailMetadataOf(message)),
    };
  }
}

function jobCreationRow(context: BenchContext): Row {
  const store = openDatabase(join(context.scratch('jobs'), 'brief.db'));
  try {
    const account = new AccountService(store).createAccount({
      address: 'jobs@example.com',
      provider: 'import',
    });
    const jobs = new JobService(store);
    const samples: number[] = [];
    for (let index = 0; index < JOB_CREATIONS; index += 1) {
      const started = now();
      jobs.createJob({
        type: 'import_mail',
        accountId: account.id,
        metadata: { paths: [`/mail/${index}.mbox`] },
      });
      samples.push(now() - started);
    }
    const p99 = percentile(samples, 99);
    return {
      figure: 'Job creation p99',
      value: `${ms(p99)} (p50 ${ms(percentile(samples, 50))}, max ${ms(percentile(samples, 100))})`,
      target: '< 1 ms (original web app: < 100 ms)',
      pass: p99 < 1,
      protocol: `${count(JOB_CREATIONS)} JobService.createJob calls (import_mail, one account, growing queue) on a fresh file database, each timed alone`,
    };
  } finally {
    store.close();
  }
}

async function messageRows(context: BenchContext): Promise<Row[]> {
  const size = context.quick ? 20_000 : 100_000;
  const items = [...generatedItems(2, size)];
  const store = openDatabase(join(context.scratch('messages'), 'brief.db'));
  try {
    const accounts = new AccountService(store);
    const account = accounts.createAccount({ address: 'me@example.com', provider: 'gmail' });
    const messages = new MessageCacheService(store);
    const started = now();
    for (let start = 0; start < items.length; start += BULK_BATCH) {
      messages.cacheBulk(account.id, 'gmail', items.slice(start, start + BULK_BATCH));
    }
    const elapsed = now() - started;
    const rate = items.length / (elapsed / 1000);
    const bulk: Row = {
      figure: 'cacheBulk throughput',
      value: `${count(rate)} msg/s (${count(items.length)} in ${ms(elapsed)})`,
      target: '≥ 20,000 msg/s (informational)',
      pass: rate >= 20_000,
      protocol: `${count(items.length)} generated messages (Gmail metadata → factsFromGmail, prepared beforehand) stored by MessageCacheService.cacheBulk in batches of ${BULK_BATCH} into an empty account`,
    };
    rederiveAccount({ store, accounts, messages }, account.id, Date.now());
    return [bulk, ...messageQueryRows(messages, account.id, items, context.quick)];
  } finally {
    store.close();
  }
}

export const storeGroup: RowGroup = {
  name: 'store',
  figures: ['Job creation p99', 'cacheBulk throughput', 'Message-cache query p95'],
  async run(context) {
    return [jobCreationRow(context), ...(await messageRows(context))];
  },
};
