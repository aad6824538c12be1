import type { Report } from '../../../shared/report-types.ts';
import { formatDay } from '../lib/format.ts';
import { useView } from '../state/view-store.ts';

/** "the last 30 days", "the last year", "the day": the preset as words about the mail. */
function presetWords(preset: Report['range']['preset']): string {
  if (preset === 'today') return 'the day of the newest message';
  if (preset === '365') return 'the last year of this mail';
  return preset === 'all' || preset === 'custom'
    ? 'all of this mail'
    : `the last ${preset} days of this mail`;
}

/**
 * One line above the figures when the range is not the calendar's: anchored on the newest message
 * (with a way back to calendar dates), or empty while the mail lies elsewhere (with a way to it).
 */
export function RangeNotice({ report }: { report: Report }) {
  const anchor = useView((s) => s.anchor);
  const setAnchor = useView((s) => s.setAnchor);
  const setPreset = useView((s) => s.setPreset);
  const { range, coverage, timeZone } = report;
  const { first, last } = coverage.allTime;
  if (range.anchor === 'newest') {
    return (
      <p className="range-notice" role="status">
        <span>
          Showing {presetWords(range.preset)}, to {formatDay(last, timeZone)}: its newest message is older
          than the calendar range.
        </span>
        {anchor === 'auto' ? (
          <button type="button" className="button button--small" onClick={() => setAnchor('now')}>
            Show calendar dates
          </button>
        ) : null}
      </p>
    );
  }
  if (coverage.messages > 0 || last === null) return null;
  const custom = range.preset === 'custom';
  return (
    <p className="range-notice" role="status">
      <span>
        No mail in this range. This mail runs from {formatDay(first, timeZone)} to {formatDay(last, timeZone)}
        .
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => (custom ? setPreset('all') : setAnchor('auto'))}
      >
        {custom ? 'Show all time' : `Show ${presetWords(range.preset)}`}
      </button>
    </p>
  );
}
