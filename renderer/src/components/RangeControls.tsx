import { useEffect, useState } from 'react';
import { RANGE_PRESETS, type RangePreset } from '../../../shared/domain.ts';
import { useView } from '../state/view-store.ts';
import { SegmentedControl } from './SegmentedControl.tsx';

const PRESET_LABELS: Record<RangePreset | 'custom', string> = {
  all: 'All time',
  today: 'Today',
  '7': '7 days',
  '30': '30 days',
  '90': '90 days',
  '365': '1 year',
  custom: 'Custom',
};

const OPTIONS = [...RANGE_PRESETS, 'custom' as const].map((value) => ({
  value,
  label: PRESET_LABELS[value],
}));

/** Range presets and whole-day custom dates (both ends included). */
export function RangeControls() {
  const preset = useView((s) => s.preset);
  const setPreset = useView((s) => s.setPreset);
  const customFrom = useView((s) => s.customFrom);
  const customTo = useView((s) => s.customTo);
  const setCustomDates = useView((s) => s.setCustomDates);
  const [from, setFrom] = useState(customFrom);
  const [to, setTo] = useState(customTo);
  useEffect(() => {
    setFrom(customFrom);
    setTo(customTo);
  }, [customFrom, customTo]);
  const reversed = from !== '' && to !== '' && from > to;
  return (
    <div className="range-controls">
      <SegmentedControl label="Range" options={OPTIONS} value={preset} onChange={setPreset} />
      {preset === 'custom' ? (
        <form
          className="custom-range"
          onSubmit={(event) => {
            event.preventDefault();
            if (from && to && !reversed) setCustomDates(from, to);
          }}
        >
          <label>
            From <input type="date" value={from} required onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            to <input type="date" value={to} required onChange={(event) => setTo(event.target.value)} />
          </label>
          <button type="submit" className="button" disabled={!from || !to || reversed}>
            Apply
          </button>
          {reversed ? (
            <span className="error-note__message">The start date is after the end date.</span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
