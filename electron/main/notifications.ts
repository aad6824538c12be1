/**
 * Which OS notifications to show, decided from engine events: a first sync that finished, and a
 * sync that needs the person (the account must be reconnected, or the disk is full). Each is shown
 * once until the condition clears, so a retrying job does not repeat itself. Pure: index.ts shows
 * the returned notice with Electron's `Notification`.
 */
import type { Events } from '../../shared/contract.ts';

export type NoticeKind = 'first-sync-finished' | 'needs-reconnect' | 'storage-full';

export interface Notice {
  kind: NoticeKind;
  accountId: number;
  title: string;
  body: string;
}

export type NoticeEvent =
  | { name: 'sync-state'; payload: Events['sync-state'] }
  | { name: 'job-state'; payload: Events['job-state'] };

export interface NotificationDecider {
  decide(event: NoticeEvent): Notice | null;
}

/** `describeAccount` names the account in the notice (its own address, shown only on this device). */
export function createNotificationDecider(
  describeAccount: (accountId: number) => string,
): NotificationDecider {
  const shown = new Set<string>();
  const once = (kind: NoticeKind, accountId: number, title: string, body: string): Notice | null => {
    const key = `${kind}:${accountId}`;
    if (shown.has(key)) return null;
    shown.add(key);
    return { kind, accountId, title, body };
  };
  const clear = (kind: NoticeKind, accountId: number) => shown.delete(`${kind}:${accountId}`);

  const reconnect = (accountId: number) =>
    once(
      'needs-reconnect',
      accountId,
      'Reconnect your Gmail account',
      `360Brief can no longer read ${describeAccount(accountId)}: Google withdrew its access. Open 360Brief and connect it again with Connect Gmail.`,
    );

  return {
    decide(event) {
      if (event.name === 'sync-state') {
        const { accountId, state } = event.payload;
        if (state === 'needs-reconnect') return reconnect(accountId);
        if (state === 'idle' || state === 'syncing') {
          clear('needs-reconnect', accountId);
          clear('storage-full', accountId);
        }
        return null;
      }
      const { accountId, type, status, error } = event.payload;
      if (accountId === null) return null;
      if (status === 'completed' && type === 'fetch_messages') {
        return once(
          'first-sync-finished',
          accountId,
          'First sync finished',
          `Every message of ${describeAccount(accountId)} is in 360Brief. Your dashboard is complete.`,
        );
      }
      if (error?.code === 'AUTH_REQUIRED') return reconnect(accountId);
      if (error?.code === 'STORAGE_FULL') {
        return once(
          'storage-full',
          accountId,
          'Sync stopped: the disk is full',
          `360Brief could not store new mail for ${describeAccount(accountId)}. Free some disk space; syncing resumes on its own.`,
        );
      }
      return null;
    },
  };
}
