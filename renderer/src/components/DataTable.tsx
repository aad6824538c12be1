import { type ReactNode, useState } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/**
 * A dense table. When `onSelect` is given, the first cell of each row is a button that opens the
 * messages behind the row, so mouse and keyboard drill down the same way.
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
  const shown = limit === undefined || expanded ? rows : rows.slice(0, limit);
  const collapsible = limit !== undefined && rows.length > limit;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
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
                      aria-label={selectLabel?.(row)}
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
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      ) : null}
    </div>
  );
}
