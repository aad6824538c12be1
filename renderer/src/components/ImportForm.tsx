import { type FormEvent, useState } from 'react';
import type { UploadItem } from '../api/bridge-uploads.ts';
import { api, currentHost } from '../api/client.ts';
import { formatBytes } from '../lib/format.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { useJobs } from '../state/jobs-store.ts';
import { useAction } from '../state/use-action.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { MailFilePicker } from './MailFilePicker.tsx';

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Mail to import — typed paths, files chosen in the desktop app, or files dropped in a browser —
 * and the mailbox's own address, which decides what counts as sent.
 */
export function ImportForm() {
  const [account, setAccount] = useState('');
  const [paths, setPaths] = useState('');
  const [aliases, setAliases] = useState('');
  const [items, setItems] = useState<UploadItem[]>([]);
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [started, setStarted] = useState<number | null>(null);
  const { busy, error, run } = useAction(async () => {
    const aliasList = splitList(aliases, /[\s,;]+/);
    const upload = currentHost().upload;
    let sent: string[] = [];
    if (items.length > 0 && upload) {
      const total = items.reduce((sum, item) => sum + item.file.size, 0);
      setSending({ sent: 0, total });
      try {
        sent = await upload(items, (done) => setSending({ sent: done, total }));
      } finally {
        setSending(null);
      }
    }
    const job = await api.call('import.start', {
      account: account.trim(),
      paths: [...splitList(paths, /\n/), ...sent],
      ...(aliasList.length > 0 ? { aliases: aliasList } : {}),
    });
    useJobs.getState().upsert(job);
    setStarted(job.id);
    setItems([]);
    void useAccounts.getState().load();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run();
  };
  const addPaths = (chosen: string[]) => setPaths([...splitList(paths, /\n/), ...chosen].join('\n'));
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
      <MailFilePicker items={items} onItems={setItems} onPaths={addPaths} />
      <label className="field">
        <span>Files or folders on this computer, one path per line</span>
        <textarea
          required={items.length === 0}
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
      {sending ? (
        <p className="muted small" role="status">
          Sending the files to 360Brief: {formatBytes(sending.sent)} of {formatBytes(sending.total)}
        </p>
      ) : null}
      {started !== null && !busy ? (
        <p className="muted small" role="status">
          Import started (job #{started}): its progress shows at the top, and what it found when it ends.
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {sending ? 'Sending…' : busy ? 'Starting…' : 'Import'}
      </button>
    </form>
  );
}
