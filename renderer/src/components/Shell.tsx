import { useCallback, useEffect, useState } from 'react';
import { BriefView } from '../brief/BriefView.tsx';
import { useAccounts } from '../state/accounts-store.ts';
import { useTimeZone } from '../state/settings-store.ts';
import { useCurrentReport } from '../state/use-report.ts';
import { useView } from '../state/view-store.ts';
import { ActivityView } from '../views/ActivityView.tsx';
import { LabelsView } from '../views/LabelsView.tsx';
import { NewslettersView } from '../views/NewslettersView.tsx';
import { OverviewView } from '../views/OverviewView.tsx';
import { PeopleView } from '../views/PeopleView.tsx';
import { SettingsView } from '../views/SettingsView.tsx';
import { ThreadsView } from '../views/ThreadsView.tsx';
import { AccountSwitcher } from './AccountSwitcher.tsx';
import { AddMailPanel } from './AddMailPanel.tsx';
import { CoverageBanner } from './CoverageBanner.tsx';
import { DrilldownPanel } from './DrilldownPanel.tsx';
import { ImportResults } from './ImportResults.tsx';
import { MetricsDocPanel } from './MetricsDocPanel.tsx';
import { NavTabs, viewLabel } from './NavTabs.tsx';
import { OfflineBadge } from './OfflineBadge.tsx';
import { RangeControls } from './RangeControls.tsx';
import { RangeNotice } from './RangeNotice.tsx';
import { SyncTracker } from './SyncTracker.tsx';
import { TimeZoneSelect } from './TimeZoneSelect.tsx';
import { ViewBody } from './ViewBody.tsx';

const REPORT_VIEWS = {
  overview: OverviewView,
  people: PeopleView,
  threads: ThreadsView,
  newsletters: NewslettersView,
  labels: LabelsView,
  activity: ActivityView,
} as const;

/** The dashboard: header with views and controls, progress, coverage, the view, and the drill-down drawer. */
export function Shell() {
  const view = useView((s) => s.view);
  const account = useView((s) => s.account);
  const setAccount = useView((s) => s.setAccount);
  const accounts = useAccounts((s) => s.accounts) ?? [];
  const { request, envelope, loading, error } = useCurrentReport();
  const timeZone = useTimeZone();
  const [addingMail, setAddingMail] = useState(false);
  const closeAddMail = useCallback(() => setAddingMail(false), []);

  useEffect(() => {
    // A remembered account that was forgotten (or lives in another database) falls back to all.
    if (account !== 'all' && !accounts.some((a) => a.id === account)) setAccount('all');
  }, [account, accounts, setAccount]);

  const Body = view === 'settings' || view === 'brief' ? null : REPORT_VIEWS[view];
  // The Brief has no range of its own choosing (docs/metrics.md "The Brief") and its own coverage line.
  const ranged = view !== 'brief';
  return (
    <div className="shell">
      <header className="app-header">
        <div className="brand">360Brief</div>
        <NavTabs />
        <div className="app-header__end">
          <OfflineBadge />
          <button type="button" className="button" onClick={() => setAddingMail(true)}>
            Add mail
          </button>
          <AccountSwitcher />
        </div>
      </header>
      <div className="toolbar">
        {ranged ? <RangeControls /> : null}
        <TimeZoneSelect label="Time zone" className="inline-field" />
      </div>
      <SyncTracker />
      <ImportResults />
      {envelope && ranged ? <CoverageBanner envelope={envelope} loading={loading} /> : null}
      {envelope && ranged ? <RangeNotice report={envelope.report} /> : null}
      <main id="view-panel" role="tabpanel" aria-label={viewLabel(view)} className="view" tabIndex={-1}>
        {Body ? (
          <ViewBody request={request} envelope={envelope} error={error}>
            <Body />
          </ViewBody>
        ) : view === 'brief' ? (
          <BriefView />
        ) : (
          <SettingsView />
        )}
      </main>
      <DrilldownPanel timeZone={timeZone} />
      <MetricsDocPanel />
      <AddMailPanel open={addingMail} onClose={closeAddMail} />
    </div>
  );
}
