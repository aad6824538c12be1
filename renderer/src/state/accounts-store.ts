/** Connected accounts, loaded from the engine and refreshed by events. */
import { create } from 'zustand';
import type { Account } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { asError } from './errors.ts';

export interface AccountsState {
  accounts: Account[] | null;
  error: SerializedError | null;
  load(): Promise<void>;
  replace(account: Account): void;
  remove(accountId: number): void;
  setSyncState(accountId: number, state: Account['syncState']): void;
}

export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: null,
  error: null,
  async load() {
    try {
      set({ accounts: await api.call('accounts.list', {}), error: null });
    } catch (error) {
      set({ error: asError(error) });
    }
  },
  replace(account) {
    const accounts = get().accounts ?? [];
    const known = accounts.some((a) => a.id === account.id);
    set({
      accounts: known ? accounts.map((a) => (a.id === account.id ? account : a)) : [...accounts, account],
    });
  },
  remove(accountId) {
    set({ accounts: (get().accounts ?? []).filter((a) => a.id !== accountId) });
  },
  setSyncState(accountId, state) {
    const accounts = get().accounts;
    if (!accounts) return;
    set({ accounts: accounts.map((a) => (a.id === accountId ? { ...a, syncState: state } : a)) });
  },
}));
