import { type RefObject, useEffect, useRef } from 'react';

/**
 * A drawer's keyboard behaviour: while `openedFor` is set, its close button has the focus and
 * Escape closes it. Returns the ref for the close button.
 */
export function useDrawer(openedFor: unknown, close: () => void): RefObject<HTMLButtonElement | null> {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!openedFor) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openedFor, close]);
  return closeButton;
}
