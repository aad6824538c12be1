import { api } from '../api/client.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { useJobs } from '../state/jobs-store.ts';
import { useAction } from '../state/use-action.ts';
import { useView } from '../state/view-store.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** Try the dashboard on a generated mailbox. */
export function DemoCard() {
  const {
    busy,
    error,
    run: start,
  } = useAction(async () => {
    const { account, job } = await api.call('demo.create', {});
    useJobs.getState().upsert(job);
    useAccounts.getState().replace(account);
    useView.getState().setAccount(account.id);
    useView.getState().setView('overview');
  });
  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">Try the demo</h2>
      <p>
        A generated mailbox with realistic rhythms: replies, newsletters, threads, people going quiet. It is
        labelled as a demo and can be forgotten in Settings.
      </p>
      <ErrorNote error={error} />
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void start()}>
        {busy ? 'Creating…' : 'Try the demo'}
      </button>
    </section>
  );
}
