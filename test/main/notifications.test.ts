import { describe, expect, it } from 'vitest';
import { createNotificationDecider, type NoticeEvent } from '../../electron/main/notifications.ts';
import type { JobError, JobStatus, JobType } from '../../shared/domain.ts';

const jobState = (
  type: JobType,
  status: JobStatus,
  error: JobError | null = null,
  accountId: number | null = 1,
): NoticeEvent => ({ name: 'job-state', payload: { jobId: 1, accountId, type, status, error } });
const syncState = (state: 'idle' | 'needs-reconnect' | 'syncing' | 'error'): NoticeEvent => ({
  name: 'sync-state',
  payload: { accountId: 1, state, detail: null },
});

describe('notification decisions', () => {
  const decider = () => createNotificationDecider((id) => (id === 1 ? 'me@example.com' : `account ${id}`));

  it('announces a finished first sync once, naming the account', () => {
    const decide = decider();
    const notice = decide.decide(jobState('fetch_messages', 'completed'));
    expect(notice).toMatchObject({ kind: 'first-sync-finished', accountId: 1, title: 'First sync finished' });
    expect(notice!.body).toContain('me@example.com');
    expect(decide.decide(jobState('fetch_messages', 'completed'))).toBeNull();
  });

  it('stays quiet for routine work: incremental syncs, imports, progress, unrelated failures', () => {
    const decide = decider();
    expect(decide.decide(jobState('sync_history', 'completed'))).toBeNull();
    expect(decide.decide(jobState('import_mail', 'completed'))).toBeNull();
    expect(decide.decide(jobState('sync_history', 'processing'))).toBeNull();
    expect(decide.decide(jobState('sync_history', 'failed', { code: 'NETWORK', message: 'x' }))).toBeNull();
    expect(decide.decide(jobState('cleanup', 'completed', null, null))).toBeNull();
    expect(decide.decide(syncState('error'))).toBeNull();
  });

  it('asks to reconnect once per episode, from the sync state or an AUTH_REQUIRED job', () => {
    const decide = decider();
    expect(decide.decide(syncState('needs-reconnect'))).toMatchObject({ kind: 'needs-reconnect' });
    expect(
      decide.decide(jobState('sync_history', 'failed', { code: 'AUTH_REQUIRED', message: 'x' })),
    ).toBeNull();
    expect(decide.decide(syncState('needs-reconnect'))).toBeNull();
    // Reconnected: a later revocation is news again.
    expect(decide.decide(syncState('idle'))).toBeNull();
    expect(
      decide.decide(jobState('sync_history', 'failed', { code: 'AUTH_REQUIRED', message: 'x' })),
    ).toMatchObject({
      kind: 'needs-reconnect',
      body: expect.stringContaining('connect it again with Connect Gmail'),
    });
  });

  it('warns when the disk is full, once until syncing works again', () => {
    const decide = decider();
    const full = jobState('sync_history', 'failed', { code: 'STORAGE_FULL', message: 'disk full' });
    expect(decide.decide(full)).toMatchObject({
      kind: 'storage-full',
      title: 'Sync stopped: the disk is full',
    });
    expect(decide.decide(full)).toBeNull();
    decide.decide(syncState('syncing'));
    expect(decide.decide(full)).toMatchObject({ kind: 'storage-full' });
  });
});
