import { EmptyState } from '../components/EmptyState.tsx';
import { AccountSettingsPanel } from '../settings/AccountSettingsPanel.tsx';
import { AppSettingsForm } from '../settings/AppSettingsForm.tsx';
import { useAccounts } from '../state/accounts-store.ts';

export function SettingsView() {
  const settings = useAccounts((s) => s.settings);
  const accounts = useAccounts((s) => s.accounts) ?? [];
  return (
    <div className="view-grid">
      {settings ? <AppSettingsForm settings={settings} /> : <EmptyState title="Settings are loading." />}
      {accounts.map((account) => (
        <AccountSettingsPanel key={account.id} account={account} />
      ))}
    </div>
  );
}
