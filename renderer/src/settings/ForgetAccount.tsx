import { useState } from 'react';
import type { Account } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useAccounts } from '../state/accounts-store.ts';
import { asError } from '../state/errors.ts';
import { useView } from '../state/view-store.ts';

/** Removes the account and every message and figure of it from this device, after a confirmation. */
export function ForgetAccount({ account }: { account: Account }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const forget = async () => {
    try {
      await api.call('accounts.forget', { accountId: account.id });
      useAccounts.getState().remove(account.id);
      if (useView.getState().account === account.id) useView.getState().setAccount('all');
    } catch (caught) {
      setError(asError(caught));
    }
  };
  return (
    <fieldset className="fieldset fieldset--danger">
      <legend>Forget this account</legend>
      <p className="small">
        Deletes {account.address}'s messages, figures and jobs from this device
        {account.provider === 'gmail' ? ' and signs it out. Your Gmail itself is not touched' : ''}.
      </p>
      {confirming ? (
        <div className="inline-form">
          <button type="button" className="button button--danger" onClick={() => void forget()}>
            Forget {account.address}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Forget account…
        </button>
      )}
      <ErrorNote error={error} />
    </fieldset>
  );
}
