/**
 * The `import_mail` job: files → mail model readers → duplicate merge → message cache, in batches
 * of one transaction each, then the account's derivations. Re-importing the same files adds
 * nothing (stable provider ids, idempotent upsert, merger seeded with what is stored). Messages
 * that cannot be read are reported (file, offset, reason) and the rest imported.
 */
import { BriefError } from '../../../../shared/errors.ts';
import type { CacheItem } from '../../cache/message-cache-service.ts';
import type { EngineServices } from '../../engine.ts';
import { DuplicateMerger, readMail } from '../../mail/index.ts';
import type { JobContext, JobExecutor } from '../../runner/job-runner.ts';
import { type ExpandedInputs, expandInputs } from './expand-inputs.ts';
import { ImportBatch } from './import-batch.ts';

export const PROVIDER_IMPORT = 'import';
const BATCH = 1000;
const MAX_REPORTED_SKIPS = 200;

export interface ImportSummary {
  read: number;
  /**
   * Messages the account gained: rows after minus rows before. A copy that proves two stored
   * messages the same removes one, so counting inserts would over-count a re-import.
   */
  imported: number;
  duplicates: number;
  skipped: number;
  skippedSamples: Array<{ file: string; offset: number | null; reason: string }>;
  bytes: number;
}

export function importExecutor(services: EngineServices): JobExecutor {
  return async (context: JobContext) => {
    const { job } = context;
    const paths = job.metadata.paths;
    if (job.accountId === null || !Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) {
      throw new BriefError(
        'VALIDATION',
        'This import job has no account or no paths; start the import again.',
      );
    }
    const summary = await importFiles(services, context, job.accountId, paths as string[]);
    return { summary };
  };
}

async function importFiles(
  services: EngineServices,
  context: JobContext,
  accountId: number,
  inputs: string[],
): Promise<ImportSummary> {
  const { messages, accounts, events } = services;
  const expanded = await expandInputs(inputs);
  const storedBefore = messages.getCacheStats(accountId).count;
  let summary: ImportSummary;
  try {
    summary = await storeMessages(services, context, accountId, expanded);
  } finally {
    expanded.dispose();
  }
  summary.imported = messages.getCacheStats(accountId).count - storedBefore;
  context.progress(expanded.bytes, expanded.bytes, 'Working out threads and directions', { force: true });
  services.rederive(accountId);
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
  context: JobContext,
  accountId: number,
  expanded: ExpandedInputs,
): Promise<ImportSummary> {
  const { messages, accounts, events } = services;
  const keepRaw = accounts.getSettings(accountId).keepRawData;
  const summary: ImportSummary = {
    read: 0,
    imported: 0,
    duplicates: 0,
    skipped: 0,
    skippedSamples: [],
    bytes: expanded.bytes,
  };
  const merger = new DuplicateMerger({ retainFacts: false });
  // What is already stored takes part in the merge, so a copy imported later joins its twin.
  for (const stored of messages.iterateDuplicateKeys(accountId)) merger.seed(stored);

  const batch = new ImportBatch(services.store, messages, accountId, PROVIDER_IMPORT);
  let bytesDone = 0;
  let currentFile = '';
  let fileStart = 0;
  const flush = () => {
    if (batch.flush())
      events.emit('data-changed', { accountId, dataVersion: accounts.getDataVersion(accountId) });
  };

  for await (const item of readMail(expanded.paths, { signal: context.signal })) {
    if (item.file !== currentFile) {
      currentFile = item.file;
      fileStart = bytesDone;
    }
    if (item.kind === 'skipped') {
      summary.skipped += 1;
      if (summary.skippedSamples.length < MAX_REPORTED_SKIPS)
        summary.skippedSamples.push({ file: item.file, offset: item.offset, reason: item.reason });
      continue;
    }
    summary.read += 1;
    bytesDone = Math.max(bytesDone, fileStart + item.offset + item.raw.length);
    const merged = merger.add(item.facts);
    if (merged.kind === 'new') {
      const entry: CacheItem = keepRaw ? { facts: item.facts, raw: item.raw } : { facts: item.facts };
      batch.add(entry);
    } else {
      summary.duplicates += 1;
      batch.merge(merged);
    }
    if (batch.size >= BATCH) flush();
    context.progress(
      Math.min(bytesDone, expanded.bytes),
      expanded.bytes,
      `Importing: ${summary.read.toLocaleString('en-US')} ${summary.read === 1 ? 'message' : 'messages'} read`,
    );
  }
  flush();
  return summary;
}
