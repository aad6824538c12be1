/**
 * The sync rows (docs/benchmarks.md), kept apart from the rest: they run only when the Gmail sync engine
 * (electron/engine/sources/gmail/) is present, against the Gmail API emulator, and say so otherwise.
 * Throughput and units per message are here; the three timed rows have a file each (sync-*.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as GmailSource from '../electron/engine/sources/gmail/index.ts';
import { seedFromMail } from '../test/emulator/seed-mail.ts';
import { seedFromSynthetic } from '../test/emulator/seed-synthetic.ts';
import { type BenchContext, generatorOptions, ROOT } from './context.ts';
import { enronAddress } from './corpus.ts';
import { count, ms } from './measure.ts';
import { notMeasured, type Row, type RowGroup } from './row.ts';
import { FIRST_DATA, firstDataRow } from './sync-first-data.ts';
import { elapsedShare, firstSync, isHidden, LATENCY, rateLimitErrors, unitsSpent } from './sync-harness.ts';
import { INCREMENTAL, incrementalRows } from './sync-incremental.ts';
import { planMessages, startOriginalPlan, VERSUS_PLAN, versusOriginalPlanRow } from './sync-original-plan.ts';

const GMAIL_INDEX = join(ROOT, 'electron', 'engine', 'sources', 'gmail', 'index.ts');

const THROUGHPUT = 'Sync throughput';
const DISCOVERED = 'Quota discovered';
const UNITS = 'Sync units per message';

async function throughputRow(
  gmail: typeof GmailSource,
  context: BenchContext,
  profile: '2026' | 'legacy',
  discover = false,
): Promise<Row> {
  // Enough mail for six or more quota windows at time scale 10 (measured: 2,400 fill 5 at 2026, 20,000 fill 4 at legacy).
  const messages = profile === '2026' ? 3_000 : 32_000;
  const name = `${discover ? DISCOVERED : THROUGHPUT} (${profile})`;
  const synthetic = generatorOptions(21, messages, 'user@example.com');
  let expected = 0;
  for (const message of seedFromSynthetic(synthetic)) if (!isHidden(message.labelIds)) expected += 1;
  const result = await firstSync({
    gmail,
    folder: context.scratch(`sync-${profile}`),
    // Served from a thread of its own, as Google's servers are not on the user's CPU.
    seed: { synthetic },
    profile,
    timeScale: 10,
    latency: LATENCY,
    discover,
  });
  const windows = result.counters.windows;
  const perMinute = gmail.QUOTA_COSTS[profile].unitsPerMinute;
  // Throughput: windows 2…n−1; discovered: 3…n−1 (the first two may go to finding the ceiling).
  const from = discover ? 2 : 1;
  const ratio = elapsedShare(result.counters, from, perMinute, 10);
  const lost = expected - result.stored;
  const limited = rateLimitErrors(result.counters);
  const refusedWindows = windows.filter((window) => window.refusals > 0).length;
  const lateErrors = windows.slice(1).reduce((sum, window) => sum + window.refusals, 0);
  const setting = discover
    ? 'the account quota setting left at auto (the engine is not told the profile)'
    : `the account set to ${profile}`;
  const protocol = `emulator seeded with ${count(messages)} generated messages and serving from a worker thread of its own, profile ${profile}, latency 50–150 ms, time scale 10, ${setting}; first sync via the fetch_messages job; value = units of 2xx calls in windows ${from + 1}…n−1 ÷ the units the elapsed time from the start of window ${from + 1} to the end of window n−1 allows (gaps and windows stretched by penalties count); rate-limit errors counted over the whole run`;
  if (result.status !== 'completed')
    return notMeasured(name, '≥ 0.95', `sync ${result.status}: ${result.error}`, protocol);
  return {
    figure: name,
    value: `${ratio.toFixed(3)} of the ceiling (${windows.length} windows, ${lost} lost, ${limited} rate-limit errors in ${refusedWindows} window${refusedWindows === 1 ? '' : 's'}, ${ms(result.ms)}; ${cpuNote(result)})`,
    target: discover
      ? '≥ 0.95 over windows 3…n−1; 0 lost; at most one window with rate-limit errors'
      : '≥ 0.95; 0 lost; no rate-limit error after window 1',
    pass:
      windows.length >= 5 &&
      ratio >= 0.95 &&
      lost === 0 &&
      (discover
        ? refusedWindows <= 1 && limited === windows.reduce((s, w) => s + w.refusals, 0)
        : lateErrors === 0 && limited === 0),
    protocol,
  };
}

/**
 * How much CPU the sync got: at time scale 10 the legacy row stores ~500 messages a second (ten
 * times the app's pace), so on a shared machine the thread can be starved, and then the CPU, not
 * the pacing, sets the figure. A thread busy most of the time says so.
 */
function cpuNote(result: { busy: number; cpu: number }): string {
  const bound = result.busy >= 0.6 ? ', CPU-bound' : '';
  return `thread busy ${percent(result.busy)}, CPU ${percent(result.cpu)} of a core${bound}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

async function unitsRow(
  gmail: typeof GmailSource,
  context: BenchContext,
  name: string,
  paths: string[],
  identity: string,
): Promise<Row> {
  const { messages } = await seedFromMail(paths, { now: Date.now(), identities: [identity] });
  const kept = messages.filter((message) => !isHidden(message.labelIds));
  const threads = new Map<string, number>();
  for (const [index, message] of kept.entries()) {
    // A seed without a thread id is a thread of its own, as the emulator files it.
    const thread = message.threadId ?? `own:${index}`;
    threads.set(thread, (threads.get(thread) ?? 0) + 1);
  }
  let optimumUnits = 0;
  for (const size of threads.values()) optimumUnits += gmail.optimalThreadUnits('2026', size);
  const optimum = optimumUnits / kept.length;
  const result = await firstSync({
    gmail,
    folder: context.scratch('sync-units'),
    seed: messages,
    profile: '2026',
    timeScale: 200,
    latency: { fixedMs: 0 },
    user: identity,
  });
  const perMessage = unitsSpent(result.counters) / result.stored;
  return {
    figure: `${UNITS} (${name})`,
    value: `${perMessage.toFixed(2)} units (optimum ${optimum.toFixed(2)}; ${count(result.stored)} stored, ${result.status})`,
    target: `≤ ${(optimum * 1.02).toFixed(2)} (1.02 × optimum; original web app: 20)`,
    pass: result.status === 'completed' && perMessage <= optimum * 1.02,
    protocol: `first sync at profile 2026 (time scale 200, no latency) of ${name} seeded by seedFromMail; units charged ÷ messages stored; optimum = Σ over threads of min(k × 20, 40) ÷ messages (spam and trash left out, as the sync does)`,
  };
}

function unitsInputs(context: BenchContext): Array<{ name: string; paths: string[]; identity: string }> {
  const users = context.enronUsers() ?? [];
  const inputs = users.map((user) => ({
    name: user.split('/').pop()!,
    paths: [user],
    identity: enronAddress(user),
  }));
  if (context.corpora !== null && !context.quick) {
    const ham = join(context.corpora, 'spamassassin');
    inputs.push({
      name: 'SpamAssassin ham',
      paths: [join(ham, 'easy_ham'), join(ham, 'hard_ham')],
      identity: 'user@example.com',
    });
  }
  return inputs;
}

export const syncGroup: RowGroup = {
  name: 'sync',
  figures: [THROUGHPUT, DISCOVERED, UNITS, VERSUS_PLAN, FIRST_DATA, INCREMENTAL],
  async run(context) {
    if (!existsSync(GMAIL_INDEX)) {
      const absent = 'sync engine not present';
      return [
        notMeasured(THROUGHPUT, '≥ 0.95 at both profiles', absent, 'first sync against the emulator'),
        notMeasured(DISCOVERED, '≥ 0.95 at both profiles', absent, 'first sync, profile not set'),
        notMeasured(UNITS, '≤ 1.02 × optimum', absent, 'first sync of the Enron users and the ham'),
        notMeasured(VERSUS_PLAN, '≥ 5×', absent, 'the original plan ÷ our first sync, legacy'),
        notMeasured(FIRST_DATA, '< 2 s', absent, 'first sync at 2026 until the newest message shows'),
        notMeasured(INCREMENTAL, '< 500 ms; no messages.list', absent, 'sync_history after 100 new messages'),
      ];
    }
    const gmail = (await import(pathToFileURL(GMAIL_INDEX).href)) as typeof GmailSource;
    const rows: Row[] = [];
    // The original plan waits on the network for minutes: it runs in a thread of its own beside the
    // throughput rows (which wait on the emulator's pacing), and is awaited before any CPU-heavy row.
    const plan = context.wants(VERSUS_PLAN) ? startOriginalPlan(planMessages(context)) : null;
    plan?.catch(() => {});
    let besideThroughput = false;
    if (!context.quick) {
      for (const discover of [false, true])
        for (const profile of ['2026', 'legacy'] as const)
          if (context.wants(`${discover ? DISCOVERED : THROUGHPUT} (${profile})`)) {
            besideThroughput = plan !== null;
            rows.push(await throughputRow(gmail, context, profile, discover));
          }
    }
    await plan?.catch(() => {});
    for (const input of unitsInputs(context))
      if (context.wants(`${UNITS} (${input.name})`))
        rows.push(await unitsRow(gmail, context, input.name, input.paths, input.identity));
    if (plan !== null) rows.push(await versusOriginalPlanRow(gmail, context, plan, besideThroughput));
    if (context.wants(FIRST_DATA)) rows.push(await firstDataRow(gmail, context));
    if (context.wants(INCREMENTAL)) rows.push(...(await incrementalRows(gmail, context)));
    return rows;
  },
};
