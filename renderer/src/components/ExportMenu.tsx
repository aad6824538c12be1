import { type CsvFigure, reportToCsv } from '../../../shared/report-csv.ts';
import type { Report } from '../../../shared/report-types.ts';
import { exportFileName, figureJson, saveText } from '../lib/figure-exports.ts';

/** "Export" as CSV (the table `brief report --csv` prints) or JSON (the figure's part of the report). */
export function ExportMenu({
  report,
  title,
  csv,
  json,
}: {
  report: Report;
  title: string;
  csv: CsvFigure;
  json: unknown;
}) {
  return (
    <details className="export-menu">
      <summary aria-label={`Export ${title}`}>Export</summary>
      <div className="export-menu__items">
        <button
          type="button"
          className="button button--small"
          onClick={() => saveText(exportFileName(report, csv, 'csv'), reportToCsv(report, csv), 'text/csv')}
        >
          CSV
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            saveText(exportFileName(report, csv, 'json'), figureJson(report, csv, json), 'application/json')
          }
        >
          JSON
        </button>
      </div>
    </details>
  );
}
