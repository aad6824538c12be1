/**
 * The bad-call table of test/engine/bad-calls.test.ts (docs/reliability.md, bad-calls.test.ts), shared by the
 * reliability suite's worker-thread and bridge runs: arguments no method accepts, and per method
 * arguments of the right shape with values it must refuse. The engine test keeps its own copy.
 */
import type { MethodName } from '../../shared/contract.ts';
import { REPLY_WALK_PATHS } from './helpers.ts';

const UNKNOWN_ID = 987_654;
export const HUGE = 'x'.repeat(300_000);
const LONG_ADDRESS = `${'a'.repeat(5000)}@example.com`;

function deeplyNested(depth: number): unknown {
  let value: unknown = {};
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}
function cyclic(): unknown {
  const value: Record<string, unknown> = {};
  value.self = value;
  return value;
}

/** Arguments no method accepts: wrong types, hostile keys, extra keys, oversized and unreadable values. */
export const EVERY_METHOD: Array<[string, () => unknown]> = [
  ['a string', () => 'hello'],
  ['a number', () => 42],
  ['NaN', () => Number.NaN],
  ['an array', () => [1, 2, 3]],
  ['true', () => true],
  ['an extra key', () => ({ unexpected: 1 })],
  ['a __proto__ key', () => JSON.parse('{"__proto__": {"polluted": true}}')],
  ['a constructor key', () => ({ constructor: { prototype: { polluted: true } } })],
  ['a huge string', () => ({ note: HUGE })],
  ['deep nesting', () => deeplyNested(50_000)],
  ['a cycle', cyclic],
  ['a BigInt', () => ({ accountId: 10n })],
  ['a function', () => ({ accountId: () => 1 })],
];

/** Arguments of the right shape with values each method must refuse. */
export function specificCases(accountId: number, jobId: number): Record<MethodName, unknown[]> {
  const ids = (key: string) => [
    { [key]: UNKNOWN_ID },
    { [key]: Number.NaN },
    { [key]: Number.POSITIVE_INFINITY },
    { [key]: -1 },
    { [key]: 0 },
    { [key]: 1.5 },
    { [key]: 2 ** 60 },
    { [key]: '1' },
    { [key]: '1; DROP TABLE accounts; --' },
    { [key]: null },
  ];
  const report = { account: accountId, range: { preset: 'all' } };
  return {
    'app.info': [{ verbose: true }],
    'accounts.list': [{ limit: 1 }],
    'accounts.get': ids('accountId'),
    'accounts.registerGmail': [{ address: 'not an address' }, { address: LONG_ADDRESS }, { address: 42 }, {}],
    'accounts.connectGmail': [{ address: 'me@example.com' }, {}],
    'diagnostics.export': [{ path: '/etc/passwd' }, {}],
    'import.choosePaths': [{ folders: 'yes' }, {}, { folders: true, path: '/' }],
    'sync.start': ids('accountId'),
    'accounts.addAlias': [
      ...ids('accountId').map((args) => ({ ...args, address: 'other@example.com' })),
      { accountId, address: 'not an address' },
      { accountId, address: LONG_ADDRESS },
      { accountId, address: 'a@b\nBcc: evil@example.com' },
      { accountId, address: '' },
      { accountId, address: ['me@example.com'] },
      { accountId },
    ],
    'accounts.removeAlias': [
      { accountId: UNKNOWN_ID, address: 'me@example.com' },
      { accountId, address: LONG_ADDRESS },
      { accountId, address: 42 },
    ],
    'accounts.suggestAliases': ids('accountId'),
    'accounts.updateSettings': [
      { accountId: UNKNOWN_ID, settings: { keepRawData: true } },
      { accountId, settings: { quotaProfile: 'unlimited' } },
      { accountId, settings: { keepRawData: 'yes' } },
      { accountId, settings: JSON.parse('{"__proto__": {"keepRawData": true}}') },
      { accountId, settings: { workingHours: { days: [8], startMinute: 0, endMinute: 60 } } },
      { accountId, settings: { workingHours: { days: [1], startMinute: -5, endMinute: 99_999 } } },
      { accountId, settings: { workingHours: { days: Array(50).fill(1), startMinute: 0, endMinute: 60 } } },
      { accountId, settings: { workingHours: { days: [1, 2], startMinute: 600, endMinute: 540 } } },
      { accountId, settings: { workingHours: { days: [1, 1], startMinute: 540, endMinute: 600 } } },
      { accountId, settings: null },
    ],
    'accounts.forget': ids('accountId'),
    'jobs.list': [
      { status: 'exploded' },
      { type: 'mine_bitcoin' },
      { limit: 0 },
      { limit: 1_000_000 },
      { offset: -1 },
      { offset: Number.NaN },
      { accountId: 'all' },
    ],
    'jobs.get': ids('jobId'),
    'jobs.retry': [...ids('jobId'), { jobId }],
    'jobs.cancel': [...ids('jobId'), { jobId }],
    'jobs.pause': [...ids('jobId'), { jobId }],
    'jobs.resume': [...ids('jobId'), { jobId }],
    'jobs.create': [
      { type: 'mine_bitcoin' },
      { type: 'fetch_messages', accountId },
      { type: 'import_mail', paths: REPLY_WALK_PATHS, account: 'me@example.com' },
      ...ids('accountId').map((args) => ({ ...args, type: 'warm_cache' })),
      { type: 'warm_cache' },
      { type: 'cleanup', accountId },
      { type: 'compute_analytics', accountId: 'all' },
      { type: 'compute_analytics', accountId, view: { range: { preset: 'forever' } } },
      { type: 'compute_analytics', accountId, view: { range: { from: '2026-02-30', to: '2026-03-02' } } },
      { type: 'compute_analytics', accountId, view: { range: { preset: '7' }, timeZone: 'Mars/Base' } },
      { type: 'compute_analytics', accountId, metadata: { cursor: 1 } },
      { type: ['cleanup'] },
    ],
    // A service method: refused through `call` even with arguments it would accept.
    'jobs.reportProgress': [
      ...ids('jobId').map((args) => ({ ...args, progress: { current: 1 } })),
      { jobId, progress: { current: 1 } },
      { jobId, progress: { current: -1 } },
      { jobId, progress: { current: 1, total: -1 } },
      { jobId, progress: { current: 1, step: HUGE.slice(0, 600) } },
      { jobId, progress: { current: 1, percentage: 100 } },
      { jobId, current: 1 },
    ],
    'import.start': [
      { paths: [], account: 'me@example.com' },
      { paths: ['/no/such/folder/mail.mbox'], account: 'new@example.com' },
      { paths: REPLY_WALK_PATHS, account: 'not an address' },
      { paths: [HUGE.slice(0, 5000)], account: 'me@example.com' },
      { paths: [42], account: 'me@example.com' },
      { paths: Array(2000).fill('/tmp'), account: 'me@example.com' },
      { paths: REPLY_WALK_PATHS, account: 'me@example.com', aliases: ['nope'] },
      { paths: REPLY_WALK_PATHS },
      { paths: 'inbox.mbox', account: 'me@example.com' },
    ],
    'demo.create': [
      { messages: 5 },
      { messages: 10_000_000 },
      { messages: Number.NaN },
      { messages: 500.5 },
      { seed: -1 },
      { seed: 2 ** 40 },
      { seed: '360' },
    ],
    'analytics.report': [
      { ...report, account: UNKNOWN_ID },
      { ...report, account: 'everyone' },
      { ...report, range: { preset: '10000' } },
      { ...report, range: { from: 'yesterday', to: 'today' } },
      { ...report, range: { preset: 'all', from: '2020-01-01' } },
      { ...report, timeZone: 'Mars/Olympus_Mons' },
      { ...report, timeZone: HUGE.slice(0, 100) },
      { ...report, asOf: 'soon' },
      { ...report, asOf: '2025-02-30T12:00:00Z' },
      { account: accountId },
    ],
    'analytics.drilldown': [
      { ...report, figure: 'volume', key: '2025-03-03', account: UNKNOWN_ID },
      { ...report, figure: 'gossip', key: 'x' },
      { ...report, figure: 'volume', key: '' },
      { ...report, figure: 'volume', key: HUGE.slice(0, 2000) },
      { ...report, figure: 'network', key: ['a@example.com'] },
      { ...report, figure: 'volume', key: '2025-03-03', page: -1 },
      { ...report, figure: 'volume', key: '2025-03-03', pageSize: 0 },
      { ...report, figure: 'volume', key: '2025-03-03', pageSize: 10_000 },
      { ...report, figure: 'volume', key: '2025-03-03', direction: 'sideways' },
    ],
    'analytics.cached': [
      { ...report, account: UNKNOWN_ID },
      { ...report, account: 'everyone' },
      { ...report, range: { preset: '10000' } },
      { ...report, timeZone: 'Mars/Olympus_Mons' },
      { ...report, asOf: '2026-01-01T00:00:00Z' },
      { account: accountId },
    ],
    'analytics.cacheStats': [{ reset: true }],
    ...briefCases(accountId),
    'messages.stats': [{ accountId: UNKNOWN_ID }, { accountId: 'all' }, { accountId: Number.NaN }],
    'settings.get': [{ key: 'theme' }],
    'settings.update': [
      { theme: 'neon' },
      { timeZone: 'Nowhere/Land' },
      { retentionDays: 0 },
      { retentionDays: Number.POSITIVE_INFINITY },
      { syncIntervalMinutes: 0.5 },
      { quietHours: { enabled: true } },
      { quietHours: { enabled: true, startMinute: 0, endMinute: 1440 } },
      JSON.parse('{"__proto__": {"theme": "dark"}}'),
      { theme: 'dark', isAdmin: true },
    ],
  };
}

/** The brief.* methods share one request shape; the digest adds a format. */
function briefCases(accountId: number) {
  const refused = [
    { account: UNKNOWN_ID },
    { account: 'everyone' },
    { account: accountId, timeZone: 'Mars/Olympus_Mons' },
    { account: accountId, asOf: '2025-02-30T12:00:00Z' },
    { account: accountId, anchor: 'yesterday' },
    { account: accountId, range: { preset: '7' } },
    {},
  ];
  return {
    'brief.get': refused,
    'brief.markSeen': refused,
    'brief.digest': [
      ...refused.map((args) => ({ ...args, format: 'html' })),
      { account: accountId, format: 'pdf' },
      { account: accountId },
    ],
    'brief.saveDigest': [...refused, { account: accountId, path: '/etc/passwd' }, { account: accountId }],
  };
}

/** The codes a refused call may answer (UNSUPPORTED_INPUT: the shell-only methods). */
export const REFUSALS = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'UNSUPPORTED_INPUT'];

/** Unknown method names, hostile ones included. */
export const UNKNOWN_METHODS = [
  '',
  'accounts',
  'accounts.drop',
  '__proto__',
  'constructor',
  'toString',
  HUGE,
];

/** A short, printable form of the arguments for assertion labels. */
export function describeArgs(args: unknown): string {
  try {
    return (JSON.stringify(args) ?? String(args)).slice(0, 120);
  } catch {
    return typeof args;
  }
}
