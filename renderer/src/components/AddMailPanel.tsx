import { ConnectGmailCard } from './ConnectGmailCard.tsx';
import { DemoCard } from './DemoCard.tsx';
import { Drawer } from './Drawer.tsx';
import { ImportCard } from './ImportCard.tsx';
import { ImportResults } from './ImportResults.tsx';

/** More mail at any time: another Gmail account, more files, or the demo — the three ways in of the first run. */
export function AddMailPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      titleId="add-mail-title"
      title="Add mail"
      subtitle={
        <p className="muted small">Each source becomes an account; "All accounts" shows them together.</p>
      }
    >
      <div className="drawer__body add-mail">
        <ImportResults />
        <ImportCard />
        <ConnectGmailCard />
        <DemoCard />
      </div>
    </Drawer>
  );
}
