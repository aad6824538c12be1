/**
 * The Gmail API emulator as a development server:
 *   node test/emulator/cli.ts --seed synthetic:20000 --profile 2026 --port 8790
 * The first stdout line is one JSON object with the url and credentials; logs follow.
 */
import { existsSync } from 'node:fs';
import { BriefError } from '../../shared/errors.ts';
import { parseToolArguments } from '../tool-args.ts';
import { parseFaultSpec } from './faults.ts';
import { parseLatency } from './latency.ts';
import type { SeedMessage } from './mailbox.ts';
import { quotaProfile } from './quota.ts';
import { seedFromMail } from './seed-mail.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from './seed-synthetic.ts';
import { type EmulatorOptions, startEmulator } from './server.ts';

const USAGE = `Usage: node test/emulator/cli.ts [options]   (or: npm run emulator -- [options])

A local Gmail API v1 server for tests and development. The first stdout line is one JSON object
with the url and credentials; logs follow.

  --seed synthetic:<n> | mbox:<file or folder> | eml:<folder>   what the mailbox holds (synthetic:1000)
  --profile 2026|legacy          quota profile (2026)
  --port <n>                     0 picks a free port (0)
  --latency 0|<ms>|<min>-<max>   per-call latency in ms, fixed or uniform (0)
  --time-scale <s>               divides the quota window and the latency (1)
  --faults <key=value,...>       injected faults, see docs/emulator.md
  --history-horizon <n>          history ids behind the newest that can still be replayed
  --hammer-allowance <n>         refusals allowed in an exceeded window before each pushes its end (20)
  --hammer-penalty-ms <ms>       how far each refusal past the allowance pushes the window's end (1000)
  --scope <scope>                scope of the starting tokens (gmail.metadata)
  --user <address>               the mailbox owner (user@example.com)
  --random-seed <n>              seed for ids, history gaps, estimates and the generator (1)
  -h, --help                     print this and exit
`;

const OPTIONS = {
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
  'hammer-allowance': { type: 'string' },
  'hammer-penalty-ms': { type: 'string' },
} as const;

const values = parseToolArguments({ name: 'emulator', usage: USAGE }, OPTIONS);

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
    if (!existsSync(argument)) {
      throw new BriefError(
        'VALIDATION',
        `--seed ${spec}: there is no file or folder at ${argument}; give an existing mbox file, or a folder of mbox or .eml files.`,
      );
    }
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
    ...(values['hammer-allowance'] === undefined
      ? {}
      : { hammerAllowance: positiveNumber('hammer-allowance', values['hammer-allowance']) }),
    ...(values['hammer-penalty-ms'] === undefined
      ? {}
      : { hammerPenaltyMs: positiveNumber('hammer-penalty-ms', values['hammer-penalty-ms']) }),
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
