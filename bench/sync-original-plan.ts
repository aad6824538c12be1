/**
 * "Versus the original plan" (docs/benchmarks.md): the original web app's way to sync — `messages.list`
 * pages of 20, then one `messages.get` (format=metadata) at a time, through the real
 * `@googleapis/gmail` client — beside our first sync, on the same seeded mailbox, in the same run,
 * one after the other so neither slows the other.
 */
import { gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import type * as GmailSource from '../electron/engine/sources/gmail/index.ts';
import type { SeedMessage } from '../test/emulator/mailbox.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../test/emulator/seed-synthetic.ts';
import { startEmulator } from '../test/emulator/server.ts';
import { type BenchContext, generatorOptions } from './context.ts';
import { count, ms, now } from './measure.ts';
import { notMeasured, type Row } from './row.ts';
import { firstSync, isHidden, LATENCY, TOKEN_LIFETIME_SECONDS } from './sync-harness.ts';

export const VERSUS_PLAN = 'Sync versus the original plan';
const TARGET = '≥ 5×';
const PAGE_SIZE = 20;

interface PlanResult {
  ms: number;
  fetched: number;
}

/** The original plan against its own emulator seeded like ours; only its calls are timed (nothing is stored, in its favour). */
async function originalPlan(seed: SeedMessage[]): Promise<PlanResult> {
  const emulator = await startEmulator({
    messages: seed,
    labels: SYNTHETIC_LABELS,
    profile: 'legacy',
    timeScale: 1,
    latency: LATENCY,
    accessTokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  });
  try {
    const auth = new OAuth2Client({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      endpoints: emulator.endpoints,
    });
    auth.setCredentials({
      access_token: emulator.accessToken,
      refresh_token: emulator.refreshToken,
      expiry_date: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
    });
    const api = new gmail_v1.Gmail({ rootUrl: `${emulator.url}/`, auth });
    const started = now();
    let fetched = 0;
    let pageToken: string | undefined;
    do {
      const page = await api.users.messages.list({ userId: 'me', maxResults: PAGE_SIZE, pageToken });
      for (const listed of page.data.messages ?? []) {
        await api.users.messages.get({ userId: 'me', id: listed.id ?? '', format: 'metadata' });
        fetched += 1;
      }
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken !== undefined);
    return { ms: now() - started, fetched };
  } finally {
    await emulator.close();
  }
}

export async function versusOriginalPlanRow(gmail: typeof GmailSource, context: BenchContext): Promise<Row> {
  const messages = context.quick ? 500 : 2_000;
  const figure = `${VERSUS_PLAN}, ${count(messages)} messages`;
  const seed = [...seedFromSynthetic(generatorOptions(24, messages, 'user@example.com'))];
  const visible = seed.filter((message) => !isHidden(message.labelIds)).length;
  const protocol =
    `legacy profile, latency uniform 50–150 ms, time scale 1, ${count(messages)} generated messages ` +
    `(${count(visible)} outside spam and trash)${context.quick ? ' (2,000 in the full run)' : ''}; ` +
    'two emulators seeded alike, run one after the other: (a) the original plan through @googleapis/gmail — ' +
    `messages.list pages of ${PAGE_SIZE}, then messages.get format=metadata one at a time, calls only, nothing stored; ` +
    '(b) our fetch_messages job to completion (stored, re-derived, analytics warmed); value = time (a) ÷ time (b)';
  const plan = await originalPlan(seed);
  process.stderr.write(`bench: original plan took ${ms(plan.ms)} for ${count(plan.fetched)} messages\n`);
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
    value: `${ratio.toFixed(1)}× (original plan ${ms(plan.ms)} for ${count(plan.fetched)}; ours ${ms(ours.ms)} for ${count(ours.stored)} stored)`,
    target: TARGET,
    pass: ratio >= 5 && plan.fetched === visible && ours.stored === visible,
    protocol,
  };
}
