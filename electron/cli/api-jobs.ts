/**
 * `POST /api/analytics/jobs`, the original web app's "create a job", answered through the contract
 * methods that create each kind of job, so a job made here passes the same checks as one made by
 * the dashboard or `brief`: a sync only for a Gmail account (`sync.start`, which also picks a first
 * or an incremental sync), an import only of paths that exist for a valid address (`import.start`),
 * an analytics view only as `analytics.report` would accept it, and the rest through `jobs.create`.
 * No caller writes a job's metadata (a sync's cursor, an import's progress) directly.
 */
import { z } from 'zod';
import type { MethodArgs } from '../../shared/contract.ts';
import type { Job } from '../../shared/domain.ts';
import { JOB_TYPES } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { parseArgs } from '../../shared/validate.ts';
import type { Engine } from '../engine/index.ts';

type Body = Record<string, unknown>;
type View = { range: MethodArgs<'analytics.report'>['range']; timeZone?: string };

const FIELDS: Record<(typeof JOB_TYPES)[number], { fields: readonly string[]; takes: string }> = {
  fetch_messages: {
    fields: ['accountId'],
    takes: 'accountId (the engine picks a first or an incremental sync)',
  },
  sync_history: {
    fields: ['accountId'],
    takes: 'accountId (the engine picks a first or an incremental sync)',
  },
  import_mail: {
    fields: ['metadata'],
    takes: 'metadata: the arguments of import.start, { "paths": [...], "account": "you@example.com" }',
  },
  compute_analytics: {
    fields: ['accountId', 'metadata'],
    takes: 'accountId and optionally metadata { "view": { "range": {...}, "timeZone": "..." } }',
  },
  warm_cache: { fields: ['accountId'], takes: 'accountId' },
  cleanup: { fields: [], takes: 'no other field (it covers every account)' },
};

function jobType(body: Body): keyof typeof FIELDS {
  const { type } = body;
  if (typeof type === 'string' && Object.hasOwn(FIELDS, type)) return type as keyof typeof FIELDS;
  throw new BriefError('VALIDATION', `type must be one of ${JOB_TYPES.join(', ')}.`);
}

function accountIdOf(body: Body): number {
  const { accountId } = body;
  if (typeof accountId === 'number' && Number.isSafeInteger(accountId) && accountId > 0) return accountId;
  throw new BriefError(
    'VALIDATION',
    `A ${String(body.type)} job needs accountId, the id of an account (a positive whole number).`,
  );
}

const viewMetadata = z.strictObject({
  view: z.strictObject({ range: z.unknown(), timeZone: z.unknown().optional() }),
});

/** The view a compute_analytics job computes, checked by analytics.report's own schema. */
function analyticsView(accountId: number, metadata: unknown): View | null {
  if (metadata === undefined) return null;
  const shape = viewMetadata.safeParse(metadata);
  if (!shape.success)
    throw new BriefError(
      'VALIDATION',
      'metadata of a compute_analytics job is { "view": { "range": {...}, "timeZone": "..." } } and nothing else.',
    );
  const { range, timeZone } = parseArgs('analytics.report', { ...shape.data.view, account: accountId });
  return timeZone === undefined ? { range } : { range, timeZone };
}

export async function createApiJob(engine: Engine, body: Body): Promise<Job> {
  const type = jobType(body);
  const extra = Object.keys(body).find((key) => key !== 'type' && !FIELDS[type].fields.includes(key));
  if (extra !== undefined)
    throw new BriefError(
      'VALIDATION',
      `A ${type} job does not take "${extra.slice(0, 40)}": it takes ${FIELDS[type].takes}.`,
    );
  switch (type) {
    case 'fetch_messages':
    case 'sync_history':
      return engine.call('sync.start', { accountId: accountIdOf(body) });
    case 'import_mail':
      return engine.call('import.start', parseArgs('import.start', body.metadata ?? {}));
    case 'compute_analytics': {
      const accountId = accountIdOf(body);
      const view = analyticsView(accountId, body.metadata);
      return engine.call('jobs.create', { type, accountId, ...(view ? { view } : {}) });
    }
    case 'warm_cache':
      return engine.call('jobs.create', { type, accountId: accountIdOf(body) });
    case 'cleanup':
      return engine.call('jobs.create', { type });
  }
}
