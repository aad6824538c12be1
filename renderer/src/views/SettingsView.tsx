import { currentHost } from '../api/client.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { AccountSettingsPanel } from '../settings/AccountSettingsPanel.tsx';
import { AppSettingsForm } from '../settings/AppSettingsForm.tsx';
import { DiagnosticsExport } from '../settings/DiagnosticsExport.tsx';
import { useAccounts } from '../state/accounts-store.ts';
import { useSettings } from '../state/settings-store.ts';

export function SettingsView() {
  const settings = useSettings((s) => s.settings);
  const error = useSettings((s) => s.error);
  const load = useSettings((s) => s.load);
  const accounts = useAccounts((s) => s.accounts) ?? [];
  return (
    <div className="view-grid">
      {settings ? (
        <AppSettingsForm settings={settings} />
      ) : error ? (
        <div className="view-error">
          <ErrorNote error={error} />
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : (
        <EmptyState title="Settings are loading." />
      )}
      {/* Only the desktop app's shell writes the file; a browser on brief serve has logs beside the database. */}
      {currentHost().desktop ? <DiagnosticsExport /> : null}
      {accounts.map((account) => (
        <AccountSettingsPanel key={account.id} account={account} />
      ))}
    </div>
  );
}
