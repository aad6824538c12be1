/**
 * The command line itself, exact sentence by sentence: mistyped commands and flags get the nearest
 * one, a flag of another command says whose it is, every command has its help, and a failure under
 * --json is one JSON object. None of these opens (or creates) the database.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../electron/cli/command-specs.ts';
import { CSV_FIGURES } from '../../electron/engine/index.ts';
import { runCli } from './run-cli.ts';

let folder: string;
let db: string[];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'brief-line-'));
  db = ['--db', join(folder, 'never.db')];
});

afterAll(() => {
  // Nothing here may have opened the database.
  expect(existsSync(join(folder, 'never.db'))).toBe(false);
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Refused as a command-line mistake: exit 2, exactly this sentence on stderr (as a JSON error
 * object when the command line asks for --json), nothing on stdout.
 */
async function expectRefused(argv: string[], sentence: string) {
  const run = await runCli([...argv, ...db]);
  const stderr = argv.includes('--json')
    ? `${JSON.stringify({ error: { code: 'VALIDATION', message: sentence } })}\n`
    : `brief: ${sentence}\n`;
  expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ code: 2, stderr, stdout: '' });
}

describe('brief refuses a mistyped command line with the nearest right one', () => {
  it('a mistyped flag', () =>
    expectRefused(
      ['report', '--jsn'],
      'Unknown option --jsn for brief report: did you mean --json? Run `brief report --help` for its options.',
    ));

  it('a flag nothing is near', () =>
    expectRefused(
      ['report', '--colour', 'red'],
      'Unknown option --colour for brief report. Run `brief report --help` for its options.',
    ));

  it('a flag of another command', () =>
    expectRefused(
      ['report', '--messages', '500'],
      '--messages is an option of brief demo, not of brief report. Run `brief report --help` for its options.',
    ));

  it('a mistyped command', () =>
    expectRefused(
      ['reprot'],
      'Unknown command "reprot": did you mean `brief report`? Run `brief --help` for the commands.',
    ));

  it('a command nothing is near', () =>
    expectRefused(['frobnicate'], 'Unknown command "frobnicate". Run `brief --help` for the commands.'));

  it('a mistyped subcommand', async () => {
    await expectRefused(
      ['accounts', 'forgt', 'me@example.com'],
      'Unknown accounts subcommand "forgt": did you mean `brief accounts forget`? Use list, alias-add, alias-remove, aliases or forget.',
    );
    await expectRefused(
      ['jobs', 'retri', '4'],
      'Unknown jobs subcommand "retri": did you mean `brief jobs retry`? Use list, retry, cancel, pause or resume.',
    );
  });

  it('a flag without its value, twice, or a switch given a value', async () => {
    await expectRefused(['report', '--tz'], '--tz needs a value, such as --tz Europe/London.');
    await expectRefused(['report', '--tz', '--json'], '--tz needs a value, such as --tz Europe/London.');
    await expectRefused(
      ['report', '--tz', 'UTC', '--tz', 'Europe/Paris'],
      '--tz was given twice ("UTC" and "Europe/Paris"); give it once.',
    );
    await expectRefused(
      ['report', '--json=yes'],
      '--json takes no value (got "--json=yes"): write just --json.',
    );
  });

  it('a word where only flags belong, with the flag it resembles', () =>
    expectRefused(
      ['report', 'json'],
      'brief report takes no arguments, only options (got "json"): did you mean --json? Run `brief report --help` for its options.',
    ));

  it('a value that is not one of a flag’s choices, with the nearest', () =>
    expectRefused(
      ['jobs', '--status', 'faild'],
      '--status takes pending, processing, completed, failed, cancelled, paused (got "faild"): did you mean failed?',
    ));

  it('a missing job id and a stray word after it', async () => {
    await expectRefused(
      ['jobs', 'retry'],
      'Name the job: brief jobs retry JOB_ID, with its id from `brief jobs` (the number each line starts with).',
    );
    await expectRefused(
      ['jobs', 'cancel', '3', '4'],
      'Too many words: brief jobs cancel JOB_ID (got "4" as well).',
    );
  });

  it('--json and --csv together', () =>
    expectRefused(
      ['report', '--json', '--csv', 'volume'],
      '--json and --csv each print the answer alone: give one of them.',
    ));

  it('under --json, a failure is one JSON object on stderr and stdout stays empty', async () => {
    const run = await runCli(['report', '--json', '--jsn', ...db]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        code: 'VALIDATION',
        message:
          'Unknown option --jsn for brief report: did you mean --json? Run `brief report --help` for its options.',
      },
    });
    expect(run.stderr.endsWith('}\n')).toBe(true);
  });
});

describe('brief help', () => {
  it('brief --help, brief help and brief alone print the commands and exit 0', async () => {
    const runs = [await runCli(['--help']), await runCli(['help']), await runCli([]), await runCli(['-h'])];
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(runs[0]!.stdout);
    }
    for (const spec of COMMAND_SPECS) expect(runs[0]!.stdout).toMatch(new RegExp(`\\n  ${spec.name}[ \\n]`));
    expect(runs[0]!.stdout).toContain('Exit codes: 0 done; 1 the command failed');
  });

  it('brief <command> --help prints that command’s help, with every flag it accepts', async () => {
    // `brief help --help` is the general help.
    for (const spec of COMMAND_SPECS.filter((command) => command.name !== 'help')) {
      const run = await runCli([spec.name, '--help']);
      expect(run.code, spec.name).toBe(0);
      const [title] = run.stdout.split('\n\n');
      expect(title?.replace(/\n/g, ' ')).toBe(`brief ${spec.name}: ${spec.summary}`);
      for (const flag of spec.flags) expect(run.stdout).toContain(`--${flag.name}`);
      expect(run.stdout).toContain('--db FILE');
      // Fits a terminal: no line wider than 100 characters.
      for (const line of run.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
      expect((await runCli(['help', spec.name])).stdout).toBe(run.stdout);
    }
  });

  it('brief report --help names every figure --csv accepts', async () => {
    const { stdout } = await runCli(['report', '-h']);
    const listed = /FIGURE is one of: ([^.]+)\./s.exec(stdout)?.[1]?.split(/,\s+/);
    expect(listed).toEqual([...CSV_FIGURES]);
  });

  it('--help wins over the rest of a half-typed command line', async () => {
    const run = await runCli(['report', '--jsn', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('brief report: ')).toBe(true);
  });

  it('help for an unknown command is refused like the command', () =>
    expectRefused(
      ['help', 'reprot'],
      'Unknown command "reprot": did you mean `brief report`? Run `brief --help` for the commands.',
    ));
});
