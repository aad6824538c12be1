/**
 * The same answer by every path: each shared Enron user and the SpamAssassin ham, imported from
 * its files and synced from the Gmail API emulator seeded with the same files, give the same
 * report, every figure key by key. What only a sync has is left out: `coverage.mailboxTotal`,
 * `lastSync` and `shareSynced` (checked on their own), and what the store holds beside the
 * counted mail (`stored`, `leftOut`, `accounts`): an import keeps the trash it read, uncounted,
 * while a sync never fetches spam and trash while they are off. User labels are compared by name: Gmail
 * gives them ids (`Label_3`), an import names them after the folder.
 *
 * Threads. Synced mail takes Gmail's thread ids. The emulator makes them with the mail model's
 * reconstruction over the whole mailbox, trash and spam included, because Gmail keeps a trashed
 * message in its thread; an import reconstructs threads over counted messages only. Where a
 * message in the trash takes part in a subject join (joining two conversations, or drawing a
 * reply into its own), Gmail's threads differ from the import's. So the test (1) lists every
 * thread that differs and checks that messages in the trash are among them, naming the threads;
 * (2) compares the synced report with the report of the imported messages given Gmail's thread
 * ids; (3) where no thread differs, compares the synced report's core with the expected report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport, type Report, type ReportInput } from '../../electron/engine/analytics/index.ts';
import { factsFromRaw, isValidTime } from '../../electron/engine/mail/index.ts';
import type { RangePreset } from '../../shared/domain.ts';
import { type MailSeed, seedFromMail } from '../emulator/seed-mail.ts';
import { CORPORA, EXPECTED, ROOT, requireCorpora, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { type SyncBench, startSyncBench } from '../sync/harness.ts';
import { diffJson } from './diff.ts';
import { inputFromFacts, type ReadMessage, type ReportParams, readMergedFacts } from './mailbox.ts';

const DAY_MS = 86_400_000;
const UNCOUNTED = ['TRASH', 'SPAM', 'DRAFT'];

/**
 * Where Gmail's threads (the emulator's) differ from the import's, by expected report, named by
 * the subject of the first message of the threads concerned. In each, messages in the trash took
 * part in the subject joins: they joined two conversations into one Gmail thread (allen-p), or
 * drew a later reply into their own conversation, away from the thread the import joins it to
 * (lavorato-j: the reply of 13:31 joins the trashed exchange whose last message came at 13:03,
 * later than the 12:26 reply it joins on import). The test checks that such messages are there.
 */
const GMAIL_THREADS_THAT_DIFFER: Record<string, string[]> = {
  'allen-p.all.json': ['Your Approval is Overdue: Access Request for matt.smith@enron.com'],
  'lavorato-j.90.json': ['EWS versus ENA in West Ohio Gas'],
  'lavorato-j.all.json': ['EWS versus ENA in West Ohio Gas'],
};

interface Expected {
  params: ReportParams;
  report: Record<string, unknown>;
}

const expectedReport = (file: string) =>
  JSON.parse(readFileSync(join(EXPECTED, 'corpora', file), 'utf8')) as Expected;

/** What only one path has, left out of the comparison; user label ids replaced by their names. */
function comparable(report: Report, labelName: (id: string) => string = (id) => id): Report {
  const {
    mailboxTotal: _total,
    lastSync: _sync,
    shareSynced: _share,
    stored: _stored,
    leftOut: _leftOut,
    accounts: _accounts,
    ...coverage
  } = report.coverage;
  const labels = report.labels
    .map((entry) => ({ ...entry, label: labelName(entry.label) }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { ...report, coverage: coverage as Report['coverage'], labels };
}

/**
 * The groups of Gmail threads whose counted dated messages (the only ones thread figures look at)
 * are not grouped as the import groups them: Gmail threads linked by sharing an import thread,
 * where a group holds more than one Gmail thread or more than one import thread.
 */
function threadsThatDiffer(input: ReportInput, gmailThread: ReadonlyMap<string, string>): string[][] {
  const gmailByImport = new Map<string, Set<string>>();
  const importByGmail = new Map<string, Set<string>>();
  for (const message of input.messages) {
    if (!message.counted || !isValidTime(message.time, input.asOf)) continue;
    const gmail = gmailThread.get(message.providerId)!;
    gmailByImport.set(message.threadKey, (gmailByImport.get(message.threadKey) ?? new Set()).add(gmail));
    importByGmail.set(gmail, (importByGmail.get(gmail) ?? new Set()).add(message.threadKey));
  }
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const start of importByGmail.keys()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    let imports = 0;
    for (const queue = [start]; queue.length > 0; ) {
      const gmail = queue.pop()!;
      if (seen.has(gmail)) continue;
      seen.add(gmail);
      group.push(gmail);
      for (const key of importByGmail.get(gmail)!) {
        imports += 1;
        queue.push(...gmailByImport.get(key)!);
      }
    }
    if (group.length > 1 || imports > 1) groups.push(group);
  }
  return groups;
}

/** Declares the comparison for some of the shared corpora (two test files share them out, to run side by side). */
export function describeImportAndSync(names: readonly string[]): void {
  describe.skipIf(skipWithoutCorpora)(
    `import and sync of the shared corpora (${CORPORA})${withoutCorporaNote}`,
    () => {
      for (const name of names) {
        describe(name, () => {
          const files = readdirSync(join(EXPECTED, 'corpora')).filter((file) => file.startsWith(`${name}.`));
          const params = expectedReport(`${name}.all.json`).params;
          let seed: MailSeed;
          let bench: SyncBench;
          let facts: ReadMessage[];
          /** Gmail's thread id of every message, by the provider id the mail model gives it on import. */
          const gmailThread = new Map<string, string>();

          beforeAll(async () => {
            requireCorpora();
            const paths = params.paths.map((path) => resolve(ROOT, path));
            // Messages without a usable Date get an internalDate past every as-of time + 1 day, so the
            // report reads them as undated, as the import does.
            seed = await seedFromMail(paths, {
              now: Date.parse(params.asOf) + 2 * DAY_MS,
              identities: [params.account],
            });
            for (const message of seed.messages) {
              gmailThread.set(factsFromRaw(message.raw!, { folderLabels: [] }).providerId, message.threadId!);
            }
            facts = await readMergedFacts(paths);
            bench = await startSyncBench({ messages: seed.messages, user: params.account, timeScale: 1000 });
            const job = await bench.runJob('fetch_messages');
            expect(job.status, JSON.stringify(job.error)).toBe('completed');
          }, 180_000);
          afterAll(async () => {
            await bench?.close();
          });

          for (const file of files) {
            const { params: fileParams, report: expected } = expectedReport(file);
            const label = `${fileParams.preset} as of ${fileParams.asOf}`;
            const syncedReport = async (): Promise<Report> => {
              const envelope = await bench.engine.call('analytics.report', {
                account: bench.accountId,
                range: { preset: fileParams.preset as RangePreset },
                timeZone: fileParams.timeZone,
                asOf: fileParams.asOf,
              });
              return envelope.report;
            };

            it(`${label}: the synced report equals the import's with Gmail's threads, every figure`, async () => {
              const input = inputFromFacts(facts, fileParams);
              const messages = input.messages.map((message) =>
                message.counted ? { ...message, threadKey: gmailThread.get(message.providerId)! } : message,
              );
              const synced = await syncedReport();
              const labelName = (id: string) => bench.emulator.mailbox.labels.get(id)?.name ?? id;
              expect(
                diffJson(comparable(computeReport({ ...input, messages })), comparable(synced, labelName)),
              ).toEqual([]);
              const stored = seed.messages.filter(
                (m) => !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH'),
              );
              expect([synced.coverage.mailboxTotal, synced.coverage.shareSynced]).toEqual([stored.length, 1]);
              expect(synced.coverage.lastSync).not.toBeNull();
            });

            it(`${label}: Gmail's threads differ from the import's only where a trashed message joined two conversations; elsewhere the synced core is the expected report`, async () => {
              const groups = threadsThatDiffer(inputFromFacts(facts, fileParams), gmailThread);
              const subjects = groups.map((group) => {
                const thread = seed.messages.filter((message) => group.includes(message.threadId!));
                const trashed = thread.filter((message) =>
                  message.labelIds.some((l) => UNCOUNTED.includes(l)),
                );
                expect(
                  trashed.length,
                  `Gmail threads ${group} differ with nothing uncounted in them`,
                ).toBeGreaterThan(0);
                return factsFromRaw(thread[0]!.raw!, { folderLabels: [] }).subject;
              });
              expect(subjects).toEqual(GMAIL_THREADS_THAT_DIFFER[file] ?? []);
              if (subjects.length > 0) return;
              const {
                mailboxTotal: _total,
                lastSync: _sync,
                ...coverage
              } = expected.coverage as Record<string, unknown>;
              expect(diffJson({ ...expected, coverage }, await syncedReport())).toEqual([]);
            });
          }
        });
      }
    },
  );
}
