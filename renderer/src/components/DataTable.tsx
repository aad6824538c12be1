import { type ReactNode, useState } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** What the column sorts by: a number, or text compared as a person reads it; null sorts last. */
  value: (row: T) => number | string | null;
  numeric?: boolean;
}

type Sort = { column: number; descending: boolean } | null;

const text = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return text.compare(String(a), String(b));
}

function sorted<T>(rows: readonly T[], columns: readonly Column<T>[], sort: Sort): readonly T[] {
  if (!sort) return rows;
  const { value } = columns[sort.column]!;
  const direction = sort.descending ? -1 : 1;
  // Empty values stay last whichever way the column runs; ties keep the report's order.
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return compare(a.key, b.key) || a.index - b.index;
      return direction * compare(a.key, b.key) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/**
 * A dense table in the report's order, sortable by any column (a header click: largest first for
 * numbers, A to Z for text; again to reverse). When `onSelect` is given, the first cell of each
 * row is a button that opens the messages behind the row, so mouse and keyboard drill down alike.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  onSelect,
  selectLabel,
  limit,
}: {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  onSelect?: (row: T) => void;
  selectLabel?: (row: T) => string;
  limit?: number;
}) {
  const [expanded, setExpanded] = useState(false);
  const [sort, setSort] = useState<Sort>(null);
  const ordered = sorted(rows, columns, sort);
  const shown = limit === undefined || expanded ? ordered : ordered.slice(0, limit);
  const collapsible = limit !== undefined && rows.length > limit;
  const sortBy = (column: number) =>
    setSort(
      sort?.column === column
        ? { column, descending: !sort.descending }
        : { column, descending: columns[column]!.numeric === true },
    );
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.header}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={
                  sort?.column === index ? (sort.descending ? 'descending' : 'ascending') : undefined
                }
              >
                <button type="button" className="sort-button" onClick={() => sortBy(index)}>
                  {column.header}
                  <span aria-hidden="true" className="sort-button__mark">
                    {sort?.column === index ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr
              key={rowKey(row)}
              className={onSelect ? 'selectable' : undefined}
              onClick={onSelect ? () => onSelect(row) : undefined}
            >
              {columns.map((column, index) => (
                <td key={column.header} className={column.numeric ? 'numeric' : 'truncate'}>
                  {index === 0 && onSelect ? (
                    <button
                      type="button"
                      className="link-button"
                      // The visible text names the button; what it does is its description.
                      title={selectLabel?.(row)}
                      onClick={(event) => {
                        event.stopPropagation();
                        onSelect(row);
                      }}
                    >
                      {column.cell(row)}
                    </button>
                  ) : (
                    column.cell(row)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {collapsible ? (
        <button
          type="button"
          className="button button--small table-more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${rows.length.toLocaleString('en-US')}`}
        </button>
      ) : null}
    </div>
  );
}
