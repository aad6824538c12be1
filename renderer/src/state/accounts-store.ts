/** Connected accounts and the app's settings, loaded from the engine and refreshed by events. */
import { create } from 'zustand';
import type { AppSettings } from '../../../shared/contract.ts';
import type { Account } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { asError } from './errors.ts';
import { useView } from './view-store.ts';

export interface AccountsState {
  accounts: Account[] | null;
  settings: AppSettings | null;
  error: SerializedError | null;
  load(): Promise<void>;
  replace(account: Account): void;
  remove(accountId: number): void;
  setSettings(settings: AppSettings): void;
  /** Saves part of the app settings; answers the error to show, or null. */
  updateSettings(patch: Partial<AppSettings>): Promise<SerializedError | null>;
  setSyncState(accountId: number, state: Account['syncState']): void;
}

export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: null,
  settings: null,
  error: null,
  async load() {
    try {
      const [accounts, settings] = await Promise.all([
        api.call('accounts.list', {}),
        api.call('settings.get', {}),
      ]);
      set({ accounts, settings, error: null });
      useView.getState().setSettingsZone(settings.timeZone);
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
  setSettings(settings) {
    set({ settings });
  },
  async updateSettings(patch) {
    try {
      const settings = await api.call('settings.update', patch);
      set({ settings });
      useView.getState().setSettingsZone(settings.timeZone);
      return null;
    } catch (error) {
      return asError(error);
    }
  },
  setSyncState(accountId, state) {
    const accounts = get().accounts;
    if (!accounts) return;
    set({ accounts: accounts.map((a) => (a.id === accountId ? { ...a, syncState: state } : a)) });
  },
}));
