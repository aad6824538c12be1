import { useAccounts } from '../state/accounts-store.ts';
import { useView } from '../state/view-store.ts';

/** One account or all of them together. */
export function AccountSwitcher() {
  const accounts = useAccounts((s) => s.accounts) ?? [];
  const account = useView((s) => s.account);
  const setAccount = useView((s) => s.setAccount);
  return (
    <label className="inline-field">
      <span>Account</span>
      <select
        value={String(account)}
        onChange={(event) => setAccount(event.target.value === 'all' ? 'all' : Number(event.target.value))}
      >
        <option value="all">All accounts ({accounts.length})</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.address}
            {a.provider === 'gmail' ? '' : ` (${a.provider})`}
          </option>
        ))}
      </select>
    </label>
  );
}
