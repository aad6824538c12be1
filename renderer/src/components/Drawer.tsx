import type { ReactNode } from 'react';
import { useDrawer } from './use-drawer.ts';

/**
 * A drawer from the right: a modal dialog with a title, a line under it and Close. It keeps the
 * focus inside while open and gives it back to what opened it (use-drawer.ts).
 */
export function Drawer({
  open,
  onClose,
  titleId,
  title,
  subtitle,
  children,
}: {
  open: boolean;
  onClose: () => void;
  titleId: string;
  title: ReactNode;
  subtitle: ReactNode;
  children: ReactNode;
}) {
  const { closeButton, drawer } = useDrawer(open, onClose);
  if (!open) return null;
  return (
    <div className="drawer-backdrop">
      <div ref={drawer} className="drawer" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="drawer__header">
          <div>
            <h2 id={titleId}>{title}</h2>
            {subtitle}
          </div>
          <button ref={closeButton} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
