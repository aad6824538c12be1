import { type FormEvent, useEffect, useState } from 'react';
import type { Account } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { formatCount } from '../lib/format.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { asError } from '../state/errors.ts';

/** The account's own addresses, and the From addresses of its sent mail offered as aliases. */
export function IdentitiesEditor({ account }: { account: Account }) {
  const [suggestions, setSuggestions] = useState<Array<{ address: string; count: number }>>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<SerializedError | null>(null);
  const replace = useAccounts((s) => s.replace);

  useEffect(() => {
    let current = true;
    api.call('accounts.suggestAliases', { accountId: account.id }).then(
      (list) => current && setSuggestions(list),
      (caught) => current && setError(asError(caught)),
    );
    return () => {
      current = false;
    };
  }, [account.id]);

  const change = async (method: 'accounts.addAlias' | 'accounts.removeAlias', address: string) => {
    try {
      replace(await api.call(method, { accountId: account.id, address }));
      setError(null);
      return true;
    } catch (caught) {
      setError(asError(caught));
      return false;
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await change('accounts.addAlias', draft.trim())) setDraft('');
  };
  const open = suggestions.filter((s) => !account.identities.includes(s.address));

  return (
    <fieldset className="fieldset">
      <legend>Your addresses</legend>
      <p className="muted small">
        Mail from these addresses is yours: it decides what is sent, and they never count as contacts.
        Changing them recomputes threads and figures.
      </p>
      <ul className="identity-list">
        {account.identities.map((address) => (
          <li key={address}>
            <span>{address}</span>
            {address === account.address ? (
              <span className="muted small">account address</span>
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => void change('accounts.removeAlias', address)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label className="sr-only" htmlFor={`alias-${account.id}`}>
          Add an address
        </label>
        <input
          id={`alias-${account.id}`}
          type="email"
          required
          placeholder="another@address.com"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button">
          Add
        </button>
      </form>
      {open.length > 0 ? (
        <div className="suggestions">
          <p className="small">Suggested from your sent mail — add only the ones that are yours:</p>
          <ul className="identity-list">
            {open.map((s) => (
              <li key={s.address}>
                <span>
                  {s.address} <span className="muted small">{formatCount(s.count)} sent</span>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void change('accounts.addAlias', s.address)}
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorNote error={error} />
    </fieldset>
  );
}
