// Every figure as a table: the accessible form of each chart, and the way to read exact numbers.
import type { ReactNode } from 'react';

/** `scrolls`: a wide table (one column a month) that may scroll sideways, so keyboard users can reach it. */
export function DataTable({ caption, head, rows, scrolls }: { caption: string; head: readonly string[]; rows: readonly (readonly ReactNode[])[]; scrolls?: boolean }) {
  return (
    <div className="table-wrap" {...(scrolls ? { role: 'region', 'aria-label': caption, tabIndex: 0 } : {})}>
      <table className="figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" key={i} className={i ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th scope="row" key={c}>
                    {cell}
                  </th>
                ) : (
                  <td key={c} className="num">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const num = (value: number | null | undefined) => (value == null ? '–' : value.toLocaleString('en-GB'));
