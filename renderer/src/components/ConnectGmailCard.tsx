import { api } from '../api/client.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { useJobs } from '../state/jobs-store.ts';
import { useAction } from '../state/use-action.ts';
import { useView } from '../state/view-store.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** Sign in with Google in the system browser; the first sync starts at once and the dashboard fills in. */
export function ConnectGmailCard() {
  const {
    busy,
    error,
    run: connect,
  } = useAction(async () => {
    const account = await api.call('accounts.connectGmail', {});
    useAccounts.getState().replace(account);
    await useJobs.getState().load();
    useView.getState().setAccount(account.id);
    useView.getState().setView('overview');
  });
  return (
    <section className="card" aria-labelledby="connect-title">
      <h2 id="connect-title">Connect Gmail</h2>
      <p>
        Sign in with Google in your browser; 360Brief reads headers and labels only (never message bodies) and
        keeps syncing in the background.
      </p>
      <ErrorNote error={error} />
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void connect()}>
        {busy ? 'Waiting for Google…' : 'Connect Gmail'}
      </button>
    </section>
  );
}
