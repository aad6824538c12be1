import { useState } from 'react';
import type { Volume } from '../../../shared/report-types.ts';
import { VolumeChart, type VolumePoint } from '../charts/VolumeChart.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { useDrill } from '../components/use-drill.ts';

type Unit = 'day' | 'week' | 'month';
const UNITS = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
] as const;

/** The bars of one unit: days, weeks (labelled by their Monday) or months. */
function seriesOf(volume: Volume, unit: Unit): VolumePoint[] {
  if (unit === 'week')
    return volume.byWeek.map(({ week, sent, received }) => ({ label: week, sent, received }));
  if (unit === 'month')
    return volume.byMonth.map(({ month, sent, received }) => ({ label: month, sent, received }));
  return volume.byDay.map(({ date, sent, received }) => ({ label: date, sent, received }));
}

/** Figure 1: sent and received per day, week or month; a bar opens its messages. */
export function VolumeFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const [chosen, setUnit] = useState<Unit | null>(null);
  const unit = chosen ?? automaticUnit(report.volume.byDay.length);
  const series = seriesOf(report.volume, unit);
  return (
    <Figure
      title="Volume"
      definition="volume"
      span="full"
      csv={unit === 'week' ? 'volumeByWeek' : unit === 'month' ? 'volumeByMonth' : 'volume'}
      actions={<SegmentedControl label="Group by" options={UNITS} value={unit} onChange={setUnit} />}
    >
      {series.length === 0 ? (
        <EmptyState title="No dated messages in this range.">
          Pick a longer range, or wait for the sync to bring mail in.
        </EmptyState>
      ) : (
        <VolumeChart
          series={series}
          unit={unit}
          onSelect={(point) =>
            drill(
              'volume',
              unit === 'day' ? point.label : `${unit}:${point.label}`,
              volumeTitle(unit, point.label),
            )
          }
        />
      )}
    </Figure>
  );
}

/** The most bars that still read as bars: longer ranges open grouped by week or month. */
const MAX_BARS = 120;

function automaticUnit(days: number): Unit {
  if (days <= MAX_BARS) return 'day';
  return days / 7 <= MAX_BARS ? 'week' : 'month';
}

function volumeTitle(unit: Unit, label: string): string {
  return unit === 'week' ? `Messages of the week of ${label}` : `Messages of ${label}`;
}
