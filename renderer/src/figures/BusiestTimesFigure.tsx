import { useState } from 'react';
import { Heatmap } from '../charts/Heatmap.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { useDrill } from '../components/use-drill.ts';
import { WEEKDAYS } from '../lib/format.ts';

type Direction = 'received' | 'sent';
const DIRECTIONS = [
  { value: 'received', label: 'Received' },
  { value: 'sent', label: 'Sent' },
] as const;

/** Figure 5: weekday × hour counts; a cell opens its messages. */
export function BusiestTimesFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const [direction, setDirection] = useState<Direction>('received');
  return (
    <Figure
      title="Busiest times"
      definition="busiestTimes"
      actions={
        <SegmentedControl label="Direction" options={DIRECTIONS} value={direction} onChange={setDirection} />
      }
    >
      <Heatmap
        matrix={report.busiestTimes[direction]}
        label={`${direction === 'sent' ? 'Sent' : 'Received'} messages by weekday and hour, ${report.timeZone}`}
        timeZone={report.timeZone}
        onSelect={(weekday, hour) =>
          drill(
            'busiestTimes',
            `${direction}:${weekday}:${hour}`,
            `${direction === 'sent' ? 'Sent' : 'Received'} on ${WEEKDAYS[weekday]} ${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`,
          )
        }
      />
      <p className="muted small">
        Hours are local to {report.timeZone}; weeks start on Monday. Arrow keys move between hours and days.
      </p>
    </Figure>
  );
}
