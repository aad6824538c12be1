import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { useJobs } from '../state/jobs-store.ts';
import { useAction } from '../state/use-action.ts';
import { ErrorNote } from './ErrorNote.tsx';

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Paths typed in (one per line) and the mailbox's own address, which decides what counts as sent. */
export function ImportForm() {
  const [account, setAccount] = useState('');
  const [paths, setPaths] = useState('');
  const [aliases, setAliases] = useState('');
  const [started, setStarted] = useState<number | null>(null);
  const { busy, error, run } = useAction(async () => {
    const aliasList = splitList(aliases, /[\s,;]+/);
    const job = await api.call('import.start', {
      account: account.trim(),
      paths: splitList(paths, /\n/),
      ...(aliasList.length > 0 ? { aliases: aliasList } : {}),
    });
    useJobs.getState().upsert(job);
    setStarted(job.id);
    void useAccounts.getState().load();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run();
  };
  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span>Your address in this mail</span>
        <input
          type="email"
          required
          placeholder="you@example.com"
          value={account}
          onChange={(event) => setAccount(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Files or folders, one per line</span>
        <textarea
          required
          rows={3}
          placeholder="/home/you/Takeout/Mail/All mail Including Spam and Trash.mbox"
          value={paths}
          onChange={(event) => setPaths(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Your other addresses (optional)</span>
        <input
          type="text"
          placeholder="alias@example.com, old@example.org"
          value={aliases}
          onChange={(event) => setAliases(event.target.value)}
        />
      </label>
      <ErrorNote error={error} />
      {started !== null ? (
        <p className="muted small">Import started (job #{started}); progress shows above.</p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Starting…' : 'Import'}
      </button>
    </form>
  );
}
