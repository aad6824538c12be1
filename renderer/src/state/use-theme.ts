import { useEffect } from 'react';
import { useAccounts } from './accounts-store.ts';
import { useView } from './view-store.ts';

/**
 * Puts the chosen theme on <html data-theme>. "system" leaves the OS preference
 * (prefers-color-scheme) in charge; the saved app setting wins over the locally remembered one.
 */
export function useTheme(): void {
  const theme = useView((s) => s.theme);
  const saved = useAccounts((s) => s.settings?.theme);
  const setTheme = useView((s) => s.setTheme);
  useEffect(() => {
    if (saved && saved !== useView.getState().theme) setTheme(saved);
  }, [saved, setTheme]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
