import { useEffect } from 'react';
import { useThemeSetting } from './settings-store.ts';

/** Puts the theme setting on <html data-theme>; "system" leaves prefers-color-scheme in charge. */
export function useTheme(): void {
  const theme = useThemeSetting();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
