import { CacheStatsPanel } from '../components/CacheStatsPanel.tsx';
import { JobsPanel } from '../components/JobsPanel.tsx';
import { useReport } from '../components/report-context.ts';

export function ActivityView() {
  const { report } = useReport();
  return (
    <div className="view-grid">
      <CacheStatsPanel timeZone={report.timeZone} />
      <JobsPanel />
    </div>
  );
}
