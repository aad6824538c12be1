/** The analytics' public API (docs/metrics.md): the report, its CSV export, loading and drill-downs. */

export { CSV_FIGURES, type CsvFigure, reportToCsv } from '../../../shared/report-csv.ts';
export type { Report } from '../../../shared/report-types.ts';
export { patchedDataset } from './dataset-patch.ts';
export { DEFINITIONS } from './definitions.ts';
export { type DrilldownMessage, type DrilldownPage, type DrilldownRequest, drilldown } from './drilldown.ts';
export { DRILLDOWN_KEYS, type DrilldownFigure } from './drilldown-select.ts';
export { loadAnalyticsMessages, loadReportAccounts } from './load.ts';
export { type Dataset, datasetForRange, prepareDataset } from './prepare.ts';
export { computeReport, reportOf } from './report.ts';
export { threadsNeedRederivation } from './report-threads.ts';
export { removeSnapshots } from './snapshot/file.ts';
export { parseCustomRange, previousRange, resolveRange } from './time/ranges.ts';
export { ZoneClock } from './time/zone-clock.ts';
export type { AnalyticsMessage, RangeSpec, ReportAccount, ReportInput, ResolvedRange } from './types.ts';
