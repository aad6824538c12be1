/**
 * The Gmail API emulator as a development server:
 *   node test/emulator/cli.ts --seed synthetic:20000 --profile 2026 --port 8790
 * The first stdout line is one JSON object with the url and credentials; logs follow.
 */
import { parseArgs } from 'node:util';
import { BriefError } from '../../shared/errors.ts';
import { parseFaultSpec } from './faults.ts';
import { parseLatency } from './latency.ts';
import type { SeedMessage } from './mailbox.ts';
import { quotaProfile } from './quota.ts';
import { seedFromMail } from './seed-mail.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from './seed-synthetic.ts';
import { type EmulatorOptions, startEmulator } from './server.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: 'synthetic:1000' },
    profile: { type: 'string', default: '2026' },
    port: { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
    'time-scale': { type: 'string', default: '1' },
    faults: { type: 'string' },
    'history-horizon': { type: 'string' },
    scope: { type: 'string' },
    user: { type: 'string' },
    'random-seed': { type: 'string', default: '1' },
  },
});

function positiveNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new BriefError('VALIDATION', `--${name} needs a number ≥ 0, not "${text}".`);
  return value;
}

async function seedMessages(
  spec: string,
): Promise<{ messages: SeedMessage[] | Iterable<SeedMessage>; synthetic: boolean }> {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const argument = colon < 0 ? '' : spec.slice(colon + 1);
  if (kind === 'synthetic') {
    const count = positiveNumber('seed synthetic:<count>', argument || '1000');
    return {
      messages: seedFromSynthetic({ seed: Number(values['random-seed']), messages: count }),
      synthetic: true,
    };
  }
  if ((kind === 'mbox' || kind === 'eml') && argument !== '') {
    const seeded = await seedFromMail([argument], { now: Date.now() });
    for (const skip of seeded.skipped)
      console.error(`emulator: skipped ${skip.file} @${skip.offset ?? '-'}: ${skip.reason}`);
    return { messages: seeded.messages, synthetic: false };
  }
  throw new BriefError(
    'VALIDATION',
    `--seed "${spec}" is not understood; use synthetic:<count>, mbox:<path> or eml:<folder>.`,
  );
}

async function main(): Promise<void> {
  const seed = await seedMessages(values.seed);
  quotaProfile(values.profile);
  const options: EmulatorOptions = {
    port: positiveNumber('port', values.port),
    profile: values.profile as '2026' | 'legacy',
    latency: parseLatency(values.latency),
    timeScale: positiveNumber('time-scale', values['time-scale']) || 1,
    seed: Number(values['random-seed']),
    messages: seed.messages,
    ...(seed.synthetic ? { labels: SYNTHETIC_LABELS } : {}),
    ...(values.faults === undefined ? {} : { faults: parseFaultSpec(values.faults) }),
    ...(values['history-horizon'] === undefined
      ? {}
      : { historyHorizon: positiveNumber('history-horizon', values['history-horizon']) }),
    ...(values.scope === undefined ? {} : { scope: values.scope }),
    ...(values.user === undefined ? {} : { user: values.user }),
  };
  const emulator = await startEmulator(options);
  const { url, user, accessToken, refreshToken, clientId, clientSecret, scope } = emulator;
  process.stdout.write(
    `${JSON.stringify({ url, user, accessToken, refreshToken, clientId, clientSecret, scope })}\n`,
  );
  console.log(
    `emulator: ${emulator.mailbox.messageCount} messages in ${emulator.mailbox.threadCount} threads for ${user}, profile ${values.profile}, listening on ${url}`,
  );
  const stop = async () => {
    console.log(`emulator: counters ${JSON.stringify(emulator.counters.snapshot())}`);
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
