/**
 * Which files a log leaves in its folder: the file being written and `keep` (3) older ones,
 * those of an earlier run included; and the flat `logs/<name>.log` files of the logger before
 * pino, removed the first time the log opens, nothing else in `logs/` touched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createFileLogger, type LogRecord } from '../../electron/engine/log.ts';
import { tempFolder } from './helpers.ts';

/** The log's file numbers, in order, and the `index` field of every record in them. */
function numbersAndIndexes(folder: string): { numbers: number[]; indexes: unknown[] } {
  const numbers = readdirSync(folder)
    .map((name) => Number(/^engine\.(\d+)\.log$/.exec(name)?.[1]))
    .sort((a, b) => a - b);
  const indexes = numbers.flatMap((number) =>
    readFileSync(join(folder, `engine.${number}.log`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as LogRecord).fields?.index),
  );
  return { numbers, indexes };
}

/** Logs `count` records one at a time (each written before the next), from `first` on, and closes. */
async function logRecords(folder: string, first: number, count: number): Promise<void> {
  const logger = createFileLogger({ folder, maxBytes: 1000 });
  for (let index = first; index < first + count; index++) {
    logger.info('job progress', { jobId: 7, index });
    await logger.flush();
  }
  await logger.close();
}

it('keeps the file being written and the 3 newest older ones, across runs', async () => {
  const folder = join(tempFolder(), 'engine');
  await logRecords(folder, 0, 80);
  const first = numbersAndIndexes(folder);
  expect(first.numbers.length).toBe(4);
  expect(first.numbers).toEqual([0, 1, 2, 3].map((offset) => first.numbers[0]! + offset));
  // The newest records, in order, up to the last.
  expect(first.indexes.at(-1)).toBe(79);
  expect(first.indexes).toEqual(first.indexes.map((_, position) => 80 - first.indexes.length + position));

  // The next run writes on, and counts the files the first one left among the older ones.
  await logRecords(folder, 80, 20);
  const second = numbersAndIndexes(folder);
  expect(second.numbers).toEqual([0, 1, 2, 3].map((offset) => second.numbers[0]! + offset));
  expect(second.numbers[0]).toBeGreaterThan(first.numbers[0]!);
  expect(second.indexes.at(-1)).toBe(99);
});

it('leaves the file being written and 3 older ones even when a removal was missed before', async () => {
  // Seven numbered files: what a process that ended between a roll and its removal leaves, or a
  // removal that listed the folder before the new file's open had finished (a busy machine).
  const folder = join(tempFolder(), 'engine');
  mkdirSync(folder);
  for (let number = 1; number <= 7; number++) writeFileSync(join(folder, `engine.${number}.log`), '');
  writeFileSync(join(folder, 'engine.notes.log'), 'not a numbered file\n');

  // One small record: no roll, so pino-roll removes nothing itself.
  await logRecords(folder, 0, 1);
  expect(readdirSync(folder).sort()).toEqual([
    'engine.4.log',
    'engine.5.log',
    'engine.6.log',
    'engine.7.log',
    'engine.notes.log',
  ]);
  expect(readFileSync(join(folder, 'engine.7.log'), 'utf8')).toContain('"index":0');
});

it('removes the log files from before pino the first time it opens, and nothing else', async () => {
  const logs = join(tempFolder(), 'logs');
  mkdirSync(logs);
  const old = ['engine.log', 'engine.log.1', 'engine.log.3'];
  const others = ['main.log', 'main.log.2', 'engine.log.bak', 'notes.txt', 'engine.logs'];
  for (const name of [...old, ...others]) writeFileSync(join(logs, name), 'an old record\n');

  const logger = createFileLogger({ folder: join(logs, 'engine') });
  logger.info('engine started');
  await logger.close();

  for (const name of old) expect(existsSync(join(logs, name)), name).toBe(false);
  for (const name of others) expect(existsSync(join(logs, name)), name).toBe(true);
  expect(readdirSync(join(logs, 'engine'))).toEqual(['engine.1.log']);
});
