import { useEffect } from 'react';
import { AccessRefused } from './components/AccessRefused.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { ErrorNote } from './components/ErrorNote.tsx';
import { Shell } from './components/Shell.tsx';
import { useAccounts } from './state/accounts-store.ts';
import { useConnection } from './state/connection-store.ts';
import { useJobs } from './state/jobs-store.ts';
import { useSettings } from './state/settings-store.ts';
import { useReportSync } from './state/use-report.ts';
import { useTheme } from './state/use-theme.ts';
import { wireEvents } from './state/wire-events.ts';
import { Onboarding } from './views/Onboarding.tsx';

export function App() {
  useTheme();
  const authorized = useConnection((s) => s.authorized);
  const blockedReason = useConnection((s) => s.blockedReason);
  const accounts = useAccounts((s) => s.accounts);
  const error = useAccounts((s) => s.error);
  const load = useAccounts((s) => s.load);

  // The report is asked for alongside the accounts (not after them) so a relaunch draws at once.
  useReportSync(authorized && accounts?.length !== 0);

  useEffect(() => {
    const unwire = wireEvents();
    void load();
    void useSettings.getState().load();
    void useJobs.getState().load();
    return unwire;
  }, [load]);

  if (!authorized) return <AccessRefused reason={blockedReason} />;
  if (accounts === null) {
    return (
      <main className="centered-message">
        {error ? (
          <>
            <ErrorNote error={error} />
            <button type="button" className="button" onClick={() => void load()}>
              Try again
            </button>
          </>
        ) : (
          <EmptyState title="Opening 360Brief…" />
        )}
      </main>
    );
  }
  if (accounts.length === 0) return <Onboarding />;
  return <Shell />;
}
