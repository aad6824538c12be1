import { useState } from 'react';
import type { MethodArgs } from '../../../shared/contract.ts';
import type { Account, AccountSettings } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { formatAgo } from '../lib/format.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { asError } from '../state/errors.ts';
import { ForgetAccount } from './ForgetAccount.tsx';
import { IdentitiesEditor } from './IdentitiesEditor.tsx';
import { WorkingHoursEditor } from './WorkingHoursEditor.tsx';

type SettingsPatch = MethodArgs<'accounts.updateSettings'>['settings'];

/** One account's settings: identities, working hours, quota profile, spam and trash, raw data, forget. */
export function AccountSettingsPanel({ account }: { account: Account }) {
  const replace = useAccounts((s) => s.replace);
  const [error, setError] = useState<SerializedError | null>(null);
  const save = async (settings: SettingsPatch) => {
    try {
      replace(await api.call('accounts.updateSettings', { accountId: account.id, settings }));
      setError(null);
    } catch (caught) {
      setError(asError(caught));
    }
  };
  return (
    <section className="figure figure--half" aria-labelledby={`account-${account.id}`}>
      <header className="figure__header">
        <h2 id={`account-${account.id}`}>{account.address}</h2>
        <span className="muted small">
          {account.provider} · {account.syncState} · last synced {formatAgo(account.lastSyncAt, Date.now())}
        </span>
      </header>
      <ErrorNote error={error} />
      <div className="form">
        <IdentitiesEditor account={account} />
        <WorkingHoursEditor
          value={account.settings.workingHours}
          onChange={(workingHours) => void save({ workingHours })}
        />
        {account.provider === 'gmail' ? (
          <label className="field">
            <span>Gmail quota profile</span>
            <select
              value={account.settings.quotaProfile}
              onChange={(event) =>
                void save({ quotaProfile: event.target.value as AccountSettings['quotaProfile'] })
              }
            >
              <option value="auto">Automatic: found by the first sync and remembered</option>
              <option value="2026">2026: Cloud projects created from May 2026 (6,000 units a minute)</option>
              <option value="legacy">Legacy: older Cloud projects (15,000 units a minute)</option>
            </select>
          </label>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={account.settings.includeSpamTrash}
            onChange={(event) => void save({ includeSpamTrash: event.target.checked })}
          />
          Count spam and trash in every figure
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={account.settings.keepRawData}
            onChange={(event) => void save({ keepRawData: event.target.checked })}
          />
          Keep raw message data (lets figures be reprocessed without a new sync; uses more space)
        </label>
        <ForgetAccount account={account} />
      </div>
    </section>
  );
}
