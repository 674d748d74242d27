import type { ReactNode } from 'react';
import './scroll-table.css';

/**
 * A data table that scrolls sideways on a narrow screen instead of overflowing the page: the
 * scrolling region is focusable and named (WCAG 2.1.1, axe `scrollable-region-focusable`), and
 * the column headers are scoped. Rows are the caller's `<tr>`s.
 */
export function ScrollTable({
  columns,
  children,
  className,
  ...name
}: {
  readonly columns: readonly ReactNode[];
  readonly children: ReactNode;
  readonly className?: string;
} & ({ readonly labelledBy: string; readonly label?: never } | { readonly label: string; readonly labelledBy?: never })) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={name.labelledBy} aria-label={name.label}>
      <table className={className}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
