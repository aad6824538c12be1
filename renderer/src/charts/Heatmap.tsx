import { type KeyboardEvent, useRef, useState } from 'react';
import { formatCount, WEEKDAYS } from '../lib/format.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const LEVELS = 6;

/** The shade of a count: 0 for none, else 1 … LEVELS − 1 in equal steps up to the busiest cell. */
function levelOf(count: number, max: number): number {
  return count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * (LEVELS - 1)));
}

/** The smallest count of each shade 1 … LEVELS − 1, for the legend. */
function levelStarts(max: number): number[] {
  return Array.from({ length: LEVELS - 1 }, (_, i) => Math.floor((i / (LEVELS - 1)) * max) + 1);
}

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Where the arrow keys, Home, End, Page Up and Page Down move from a cell. */
function moved(key: string, weekday: number, hour: number): [number, number] | null {
  if (key === 'ArrowRight') return [weekday, Math.min(23, hour + 1)];
  if (key === 'ArrowLeft') return [weekday, Math.max(0, hour - 1)];
  if (key === 'ArrowDown') return [Math.min(6, weekday + 1), hour];
  if (key === 'ArrowUp') return [Math.max(0, weekday - 1), hour];
  if (key === 'Home') return [weekday, 0];
  if (key === 'End') return [weekday, 23];
  if (key === 'PageUp') return [0, hour];
  if (key === 'PageDown') return [6, hour];
  return null;
}

/**
 * A weekday × hour matrix; darker is busier, as the legend shows. It is one tab stop: the arrow
 * keys move between cells (a roving focus, starting at the busiest), Enter opens a cell's messages.
 */
export function Heatmap({
  matrix,
  label,
  timeZone,
  onSelect,
}: {
  matrix: number[][];
  label: string;
  timeZone: string;
  onSelect: (weekday: number, hour: number) => void;
}) {
  const max = Math.max(0, ...matrix.flat());
  const busiest = busiestCell(matrix);
  const [active, setActive] = useState<[number, number] | null>(null);
  const [activeDay, activeHour] = active ?? [busiest.weekday, busiest.hour];
  const table = useRef<HTMLTableElement>(null);
  const onKeyDown = (event: KeyboardEvent, weekday: number, hour: number) => {
    const next = moved(event.key, weekday, hour);
    if (!next) return;
    event.preventDefault();
    setActive(next);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${next[0]}-${next[1]}"]`)?.focus();
  };
  return (
    <div className="heatmap-figure">
      <p className="heatmap__axis" aria-hidden="true">
        Hour of the day ({timeZone}) →
      </p>
      <table ref={table} className="heatmap" aria-label={`${label}; busiest ${busiest.text}`}>
        <thead>
          <tr>
            <th scope="col" className="heatmap__corner">
              Day ↓
            </th>
            {HOURS.map((hour) => (
              <th key={hour} scope="col" className="heatmap__hour">
                {hour % 3 === 0 ? String(hour).padStart(2, '0') : <span className="sr-only">{hour}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, weekday) => (
            <tr key={day}>
              <th scope="row" className="heatmap__day">
                {day}
              </th>
              {HOURS.map((hour) => {
                const count = matrix[weekday]?.[hour] ?? 0;
                const text = `${day} ${hourText(hour)}, ${formatCount(count)} ${count === 1 ? 'message' : 'messages'}`;
                return (
                  <td key={hour} className="heatmap__cell">
                    <button
                      type="button"
                      data-cell={`${weekday}-${hour}`}
                      className={`heat heat-${levelOf(count, max)}`}
                      title={text}
                      aria-label={text}
                      tabIndex={weekday === activeDay && hour === activeHour ? 0 : -1}
                      onFocus={() => setActive([weekday, hour])}
                      onKeyDown={(event) => onKeyDown(event, weekday, hour)}
                      onClick={() => onSelect(weekday, hour)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <HeatLegend max={max} />
    </div>
  );
}

/** What each shade stands for: none, then equal steps up to the busiest cell's count. */
function HeatLegend({ max }: { max: number }) {
  const starts = levelStarts(max);
  return (
    <div
      className="heat-legend"
      role="img"
      aria-label={`Shades from none to ${formatCount(max)} messages an hour`}
    >
      <span>Messages an hour:</span>
      <span className="heat-legend__step">
        <span className="heat heat-0" /> 0
      </span>
      {max > 0
        ? starts.map((start, index) => {
            const end = index + 1 < starts.length ? starts[index + 1]! - 1 : max;
            if (end < start) return null;
            return (
              <span key={start} className="heat-legend__step">
                <span className={`heat heat-${index + 1}`} />
                {start === end ? formatCount(start) : `${formatCount(start)}–${formatCount(end)}`}
              </span>
            );
          })
        : null}
    </div>
  );
}

function busiestCell(matrix: number[][]): { weekday: number; hour: number; text: string } {
  let best = { count: 0, weekday: 0, hour: 0 };
  matrix.forEach((row, weekday) => {
    row.forEach((count, hour) => {
      if (count > best.count) best = { count, weekday, hour };
    });
  });
  const text =
    best.count === 0
      ? 'none (no messages)'
      : `${WEEKDAYS[best.weekday]} ${hourText(best.hour)} with ${formatCount(best.count)} messages`;
  return { ...best, text };
}
