import { useState } from 'react';
import { VolumeChart } from '../charts/VolumeChart.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { useDrill } from '../components/use-drill.ts';
import { volumeSeries } from '../lib/report-extras.ts';

type Unit = 'day' | 'week' | 'month';
const UNITS = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
] as const;

/** Figure 1: sent and received per day, week or month; a bar opens its messages. */
export function VolumeFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const [chosen, setUnit] = useState<Unit | null>(null);
  const available = UNITS.filter((option) => volumeSeries(report, option.value) !== null);
  const unit =
    chosen ??
    automaticUnit(
      report.volume.byDay.length,
      available.map((option) => option.value),
    );
  const series = volumeSeries(report, unit) ?? volumeSeries(report, 'day') ?? [];
  return (
    <Figure
      title="Volume"
      definition="volume"
      span="full"
      actions={
        available.length > 1 ? (
          <SegmentedControl label="Group by" options={available} value={unit} onChange={setUnit} />
        ) : null
      }
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

function automaticUnit(days: number, available: Unit[]): Unit {
  if (days <= MAX_BARS || !available.includes('week')) return 'day';
  if (days / 7 <= MAX_BARS || !available.includes('month')) return 'week';
  return 'month';
}

function volumeTitle(unit: Unit, label: string): string {
  return unit === 'week' ? `Messages of the week of ${label}` : `Messages of ${label}`;
}
