/** Feeds pushed events into the stores. Called once at start; returns the unsubscribe. */
import { api, onReconnect } from '../api/client.ts';
import { useAccounts } from './accounts-store.ts';
import { useJobs } from './jobs-store.ts';
import { useSettings } from './settings-store.ts';
import { useView } from './view-store.ts';

export function wireEvents(): () => void {
  // A window the shell opened for its morning brief is loaded with #brief (electron/main/index.ts).
  if (window.location.hash === '#brief') useView.getState().setView('brief');
  const jobs = useJobs.getState();
  const accounts = useAccounts.getState();
  const offs = [
    api.on('job-progress', (payload) => jobs.applyProgress(payload)),
    api.on('job-state', (payload) => {
      jobs.applyState(payload);
      // A finished import or demo may have created an account or changed its sync time.
      if (payload.status === 'completed' || payload.status === 'failed') void accounts.load();
    }),
    api.on('sync-state', (payload) => accounts.setSyncState(payload.accountId, payload.state)),
    // The desktop shell's morning brief was clicked.
    api.on('open-view', ({ view }) => useView.getState().setView(view)),
    onReconnect(() => {
      void jobs.load();
      void accounts.load();
      void useSettings.getState().load();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
