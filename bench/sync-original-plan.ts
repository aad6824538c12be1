/**
 * "Versus the original plan" (docs/benchmarks.md): the original web app's way to sync — `messages.list`
 * pages of 20, then one `messages.get` (format=metadata) at a time, through the real
 * `@googleapis/gmail` client — beside our first sync, on the same seeded mailbox, in the same run.
 *
 * The original plan waits on the network for ≈ 3.5 minutes and uses almost no CPU, so it runs in a
 * worker thread of its own (its client and its emulator), started before the throughput rows, which
 * also wait on the emulator most of the time; it is done before the CPU-heavy rows start. Our sync
 * runs afterwards, alone.
 */
import type * as GmailSource from '../electron/engine/sources/gmail/index.ts';
import { SYNTHETIC_LABELS } from '../test/emulator/seed-synthetic.ts';
import type { BenchContext } from './context.ts';
import { count, ms } from './measure.ts';
import { type PlanResult, planOptions, planSeed, startPlanThread } from './original-plan-thread.ts';
import { notMeasured, type Row } from './row.ts';
import { firstSync, isHidden, LATENCY, TOKEN_LIFETIME_SECONDS } from './sync-harness.ts';

export const VERSUS_PLAN = 'Sync versus the original plan';
const TARGET = '≥ 5×';

/** The plan's size in this run: 2,000 messages, 500 in `--quick`. */
export function planMessages(context: BenchContext): number {
  return context.quick ? 500 : 2_000;
}

/** Starts the original plan in a thread of its own, at the sync rows' latency; the promise is its result. */
export function startOriginalPlan(messages: number): Promise<PlanResult> {
  return startPlanThread({
    synthetic: planOptions(messages),
    latency: LATENCY,
    tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  });
}

export async function versusOriginalPlanRow(
  gmail: typeof GmailSource,
  context: BenchContext,
  started: Promise<PlanResult>,
  besideThroughput: boolean,
): Promise<Row> {
  const messages = planMessages(context);
  const figure = `${VERSUS_PLAN}, ${count(messages)} messages`;
  const seed = planSeed(planOptions(messages));
  const visible = seed.filter((message) => !isHidden(message.labelIds)).length;
  const protocol =
    `legacy profile, latency uniform 50–150 ms, time scale 1, ${count(messages)} generated messages ` +
    `(${count(visible)} outside spam and trash)${context.quick ? ' (2,000 in the full run)' : ''}; ` +
    'two emulators seeded alike: (a) the original plan through @googleapis/gmail — ' +
    `messages.list pages of 20, then messages.get format=metadata one at a time, calls only, nothing stored, ` +
    `client and emulator in a worker thread of their own${besideThroughput ? ', run beside the four throughput rows (which wait on their own emulator most of the time) and finished before any other row starts' : ''}; ` +
    '(b) afterwards, alone: our fetch_messages job to completion (stored, re-derived, analytics warmed); value = time (a) ÷ time (b)';
  const plan = await started;
  process.stderr.write(
    `bench: original plan took ${ms(plan.ms)} for ${count(plan.fetched)} messages (its thread's CPU ${ms(plan.cpuMs)})\n`,
  );
  const ours = await firstSync({
    gmail,
    folder: context.scratch('sync-versus-plan'),
    seed,
    labels: SYNTHETIC_LABELS,
    profile: 'legacy',
    timeScale: 1,
    latency: LATENCY,
  });
  if (ours.status !== 'completed')
    return notMeasured(figure, TARGET, `our sync ${ours.status}: ${ours.error}`, protocol);
  const ratio = plan.ms / ours.ms;
  return {
    figure,
    value: `${ratio.toFixed(1)}× (original plan ${ms(plan.ms)} for ${count(plan.fetched)}, its thread's CPU ${ms(plan.cpuMs)}; ours ${ms(ours.ms)} for ${count(ours.stored)} stored)`,
    target: TARGET,
    pass: ratio >= 5 && plan.fetched === visible && ours.stored === visible,
    protocol,
  };
}
