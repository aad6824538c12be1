import { WEEKDAYS } from '../lib/format.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const LEVELS = 6;

/** A weekday × hour matrix; darker is busier. Cells are buttons so the keyboard can drill down too. */
export function Heatmap({
  matrix,
  label,
  onSelect,
}: {
  matrix: number[][];
  label: string;
  onSelect: (weekday: number, hour: number) => void;
}) {
  const max = Math.max(0, ...matrix.flat());
  const level = (count: number) =>
    count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * (LEVELS - 1)));
  const busiest = busiestCell(matrix);
  return (
    <table className="heatmap" aria-label={`${label}; busiest ${busiest}`}>
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Weekday</span>
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
              const text = `${day} ${String(hour).padStart(2, '0')}:00, ${count} messages`;
              return (
                <td key={hour} className="heatmap__cell">
                  <button
                    type="button"
                    className={`heat heat-${level(count)}`}
                    title={text}
                    aria-label={text}
                    tabIndex={count === 0 ? -1 : 0}
                    onClick={() => onSelect(weekday, hour)}
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function busiestCell(matrix: number[][]): string {
  let best = { count: 0, weekday: 0, hour: 0 };
  matrix.forEach((row, weekday) => {
    row.forEach((count, hour) => {
      if (count > best.count) best = { count, weekday, hour };
    });
  });
  return best.count === 0
    ? 'none (no messages)'
    : `${WEEKDAYS[best.weekday]} ${String(best.hour).padStart(2, '0')}:00 with ${best.count} messages`;
}
