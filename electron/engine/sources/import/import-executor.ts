/**
 * The `import_mail` job: files → mail model readers → duplicate merge → message cache, in batches
 * of one transaction each, then the account's derivations. Re-importing the same files adds
 * nothing (stable provider ids, idempotent upsert, merger seeded with what is stored). Messages
 * that cannot be read are reported (file, offset, reason) and the rest imported.
 */
import { BriefError } from '../../../../shared/errors.ts';
import type { ImportFinding, ImportSummary } from '../../../../shared/import-summary.ts';
import { counted, formatCount } from '../../../../shared/plural.ts';
import { ProvisionalDerivation } from '../../cache/provisional-derivation.ts';
import type { EngineServices } from '../../engine.ts';
import { DuplicateMerger } from '../../mail/index.ts';
import type { JobContext, JobExecutor } from '../../runner/job-runner.ts';
import { ReportSamples } from '../report-samples.ts';
import { type ExpandedInputs, expandInputs } from './expand-inputs.ts';
import { ImportBatch } from './import-batch.ts';
import { ImportDerivation } from './import-derivation.ts';
import { withImportPageCache } from './import-page-cache.ts';
import { nextImportRead } from './next-import.ts';
import { readImportBatches } from './read-in-worker.ts';
import { removeStaleTempFolders } from './temp-folders.ts';

export const PROVIDER_IMPORT = 'import';
const BATCH = 1000;

type Where = ImportFinding;

export type { ImportSummary };

type ImportContext = JobContext<'import_mail'>;

export function importExecutor(services: EngineServices): JobExecutor<'import_mail'> {
  // Made once per engine start: the moment to remove what a killed run left (archives unpacked,
  // files a browser sent, a demo's mailbox).
  removeStaleTempFolders();
  return async (context) => {
    const { accountId } = context.job;
    if (accountId === null) {
      throw new BriefError('VALIDATION', 'This import job has no account; start the import again.');
    }
    const summary = await importFiles(services, context, accountId, context.metadata.paths);
    return { summary };
  };
}

async function importFiles(
  services: EngineServices,
  context: ImportContext,
  accountId: number,
  inputs: string[],
): Promise<ImportSummary> {
  const { messages, accounts, events } = services;
  const expanded = await expandInputs(inputs, { signal: context.signal });
  // A replacing import (the demo) starts from an empty account, on every attempt: the same
  // generated mailbox imported again leaves the same account, not one twice as large.
  if (context.metadata.replace === true) messages.clearCache(accountId);
  // The import's memory profile: a small page cache while it writes and derives (back to the
  // usual size before the warming job is queued); the reader's small young generation is set where
  // its worker starts (read-in-worker.ts).
  const summary = await withImportPageCache(services.store, async () => {
    const storedBefore = messages.countMessages(accountId);
    // Followed as the rows are stored when that is exact (import-derivation.ts), so the end
    // derives from memory instead of reading the account back.
    const following = new ImportDerivation(services, accountId);
    let stored: ImportSummary;
    try {
      stored = await storeMessages(services, context, accountId, expanded, following);
    } finally {
      expanded.dispose();
    }
    stored.imported = messages.countMessages(accountId) - storedBefore;
    context.progress(expanded.bytes, expanded.bytes, 'Working out threads and directions', { force: true });
    if (following.finish(services.clock()) === null) services.rederive(accountId);
    return stored;
  });
  events.emit('data-changed', { accountId, dataVersion: accounts.getDataVersion(accountId) });
  // The common views are warmed by a job of their own, so the import is done (and says so) as soon
  // as its messages are stored and derived.
  services.jobs.createJob({ type: 'warm_cache', accountId });
  services.pokeRunner();
  return summary;
}

/**
 * Reads, merges and stores every message. Its own function so that the merger's memory is free
 * before the derivations (which need their own) start.
 */
async function storeMessages(
  services: EngineServices,
  context: ImportContext,
  accountId: number,
  expanded: ExpandedInputs,
  following: ImportDerivation,
): Promise<ImportSummary> {
  const { messages, accounts, events } = services;
  const account = accounts.getAccount(accountId);
  const { keepRawData: keepRaw, includeSpamTrash } = account.settings;
  const skipped = new ReportSamples<Where>(200, 32 * 1024);
  const shortened = new ReportSamples<Where>(100, 16 * 1024);
  let read = 0;
  let duplicates = 0;
  // Keys are confirmed in the store once written, not held as strings (docs/mail-model.md,
  // "Duplicate keys in little memory").
  const merger = new DuplicateMerger({
    retainFacts: false,
    store: {
      provider: PROVIDER_IMPORT,
      keysOf: (provider, providerId) => messages.duplicateKeysOf(accountId, provider, providerId),
    },
  });
  // What is already stored takes part in the merge, so a copy imported later joins its twin.
  for (const stored of messages.iterateDuplicateKeys(accountId)) merger.seed(stored);

  const batch = new ImportBatch(services.store, messages, {
    accountId,
    provider: PROVIDER_IMPORT,
    // Stored as what the account's derivation will most likely make of them, so that the one
    // after the import writes only the rows it changes (provisional-derivation.ts).
    provisional: new ProvisionalDerivation(
      account.identities,
      includeSpamTrash,
      messages.hasSentLabel(accountId),
      following,
    ),
    following,
  });
  const flush = () => {
    if (batch.flush())
      events.emit('data-changed', { accountId, dataVersion: accounts.getDataVersion(accountId) });
    merger.stored();
  };
  const progress = new ReadProgress(expanded.bytes);
  const report = (options?: { force: boolean }) =>
    context.progress(
      progress.done(),
      expanded.bytes,
      `Importing: ${counted(read, 'message')} read, file ${Math.max(1, progress.file())} of ${formatCount(expanded.files)}`,
      options,
    );
  const reading = readImportBatches(expanded.paths, {
    keepRaw,
    signal: context.signal,
    heldByStorer: BATCH,
    // The reader is kept only for an import queued after this one (a folder or account each),
    // and starts on that import's files while this one stores its last batch and derives.
    keepReader: () => services.jobs.listJobs({ status: 'pending', type: 'import_mail', limit: 1 }).total > 0,
    readAhead: () => nextImportRead(services),
    onRead: (file, bytes) => {
      progress.read(file, bytes);
      report();
    },
  });

  for await (const items of reading) {
    for (const item of items) {
      const { file, offset } = item;
      if (item.kind === 'skipped') {
        skipped.add({ file, offset, reason: item.reason });
        continue;
      }
      if (item.shortened !== null) shortened.add({ file, offset, reason: item.shortened });
      read += 1;
      const merged = merger.add(item.facts);
      if (merged.kind === 'new') {
        const { facts, raw } = item;
        // Raw bytes cross from the reader thread as a plain Uint8Array view.
        batch.add(raw ? { facts, raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) } : { facts });
      } else {
        duplicates += 1;
        batch.merge(merged);
      }
      // Progress (and its count of messages read) is told as each batch or chunk of the files comes
      // in (onRead), not per message: formatting the step for every message cost ≈ 3 µs each.
      if (batch.size >= BATCH) flush();
    }
  }
  flush();
  // The files are told as read before their messages arrive, so the last frame counted fewer
  // messages than were read ("0 messages read" at 100 % for a small file): the step ends on the count.
  report({ force: true });
  return {
    read,
    imported: 0,
    duplicates,
    skipped: skipped.count,
    skippedSamples: skipped.samples,
    shortened: shortened.count,
    shortenedSamples: shortened.samples,
    bytes: expanded.bytes,
  };
}

/**
 * Bytes of the inputs read so far, file after file (compressed bytes for .gz, as `bytes` counts
 * them), and which file that is. Progress current/total are bytes: the step says messages and files.
 */
class ReadProgress {
  readonly #total: number;
  #file = '';
  #before = 0;
  #current = 0;
  #files = 0;

  constructor(total: number) {
    this.#total = total;
  }

  read(file: string, bytes: number): void {
    if (file !== this.#file) {
      this.#before += this.#current;
      this.#file = file;
      this.#files += 1;
    }
    this.#current = bytes;
  }

  done(): number {
    return Math.min(this.#before + this.#current, this.#total);
  }

  /** Which file is being read, counting from 1 (0 before the first). */
  file(): number {
    return this.#files;
  }
}
