import { z } from 'zod';
import { RANGE_ANCHORS, RANGE_PRESETS } from '../../../shared/domain.ts';
import { parseInput } from '../db/validation.ts';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date is written YYYY-MM-DD');

export const analyticsKeySchema = z.strictObject({
  /** An account id, or 'all' for every account together. */
  account: z.union([z.number().int().positive(), z.literal('all')]),
  /** Which figures (e.g. 'overview', 'senders'). */
  figureSet: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'a figure set is a short lower-case name'),
  range: z.union([
    z.strictObject({ preset: z.enum(RANGE_PRESETS), anchor: z.enum(RANGE_ANCHORS).optional() }),
    z.strictObject({ from: localDate, to: localDate }),
  ]),
  asOf: localDate,
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/, 'a time zone is an IANA name'),
  settingsHash: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'the settings hash is letters and digits'),
});

export type AnalyticsKeyParts = z.input<typeof analyticsKeySchema>;

const KEY_PATTERN = /^a=(all|\d+)\|f=[^|]+\|r=[^|]+\|d=[^|]+\|z=[^|]+\|s=[^|]+$/;

/** One string per distinct computation: `a=<account>|f=<figures>|r=<range>|d=<as-of>|z=<zone>|s=<settings>`. */
export function analyticsKey(parts: AnalyticsKeyParts): string {
  const key = parseInput(analyticsKeySchema, parts, 'The analytics key');
  const range =
    'preset' in key.range
      ? `${key.range.preset}${key.range.anchor ? `@${key.range.anchor}` : ''}`
      : `${key.range.from}..${key.range.to}`;
  return `a=${key.account}|f=${key.figureSet}|r=${range}|d=${key.asOf}|z=${key.timeZone}|s=${key.settingsHash}`;
}

/** The account part of a key ('all' or the id as text); null when the string is not a key. */
export function accountKeyOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** The data version an 'all' figure depends on: every account's version, in id order. */
export function combinedDataVersion(accounts: ReadonlyArray<{ id: number; dataVersion: number }>): string {
  return [...accounts]
    .sort((a, b) => a.id - b.id)
    .map((account) => `${account.id}:${account.dataVersion}`)
    .join(',');
}
