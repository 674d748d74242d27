import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Attempt } from '../../persistence/progress-schema';
import { endingLabel, formatDate, newestFirst, percent } from './format';

const COLUMNS = ['Date', 'Scenario', 'Ending', 'Partnering share', 'Choices', 'Rewinds', 'Reflection note', 'Debrief'] as const;

/**
 * Rows per page. Rendering every attempt cost about 36 s at 8,000 attempts; a page of 50 renders
 * in a few milliseconds whatever the total (figures in the README).
 */
export const PAGE_SIZE = 50;

/**
 * Every attempt, newest first, a page at a time. A table on wide screens; on narrow screens each
 * row is shown as a stacked card (progress.css), with explicit roles so the table stays a table
 * for screen readers.
 */
export function AttemptsTable({ attempts }: { readonly attempts: readonly Attempt[] }) {
  const sorted = useMemo(() => newestFirst(attempts), [attempts]);
  const [page, setPage] = useState(0);
  const tableRef = useRef<HTMLTableElement>(null);
  if (!attempts.length) return <p>No attempts yet. Finished and abandoned conversations will appear here.</p>;
  const pages = Math.ceil(sorted.length / PAGE_SIZE);
  const current = Math.min(page, pages - 1);
  const first = current * PAGE_SIZE;
  const shown = sorted.slice(first, first + PAGE_SIZE);
  const range = `${(first + 1).toLocaleString()}-${(first + shown.length).toLocaleString()} of ${sorted.length.toLocaleString()}`;
  const go = (to: number) => {
    setPage(to);
    // Keep the keyboard user's place: the table's caption names the new range.
    requestAnimationFrame(() => tableRef.current?.focus());
  };
  return (
    <>
      <table className="attempts-table" role="table" ref={tableRef} tabIndex={-1}>
        <caption className="visually-hidden">Your attempts, newest first: {range}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {COLUMNS.map((c) => (
              <th key={c} scope="col" role="columnheader">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {shown.map((a) => (
            <AttemptRow key={a.id} attempt={a} />
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label="Attempts pages">
          <button type="button" className="button secondary small" disabled={current === 0} onClick={() => go(current - 1)}>
            Newer<span className="visually-hidden"> attempts</span>
          </button>
          <p>
            Attempts {range} · page {current + 1} of {pages}
          </p>
          <button type="button" className="button secondary small" disabled={current >= pages - 1} onClick={() => go(current + 1)}>
            Older<span className="visually-hidden"> attempts</span>
          </button>
        </nav>
      )}
    </>
  );
}

function AttemptRow({ attempt: a }: { readonly attempt: Attempt }) {
  const date = formatDate(a.finishedAt);
  const cell = (label: (typeof COLUMNS)[number]) => ({ role: 'cell', 'data-label': label });
  return (
    <tr role="row" className={a.status === 'abandoned' ? 'is-abandoned' : undefined}>
      <td {...cell('Date')}>
        <time dateTime={a.finishedAt}>{date}</time>
      </td>
      <td {...cell('Scenario')} className="attempt-title">
        {a.scenarioTitle}
      </td>
      <td {...cell('Ending')}>{endingLabel(a)}</td>
      <td {...cell('Partnering share')}>{percent(a.partneringShare)}</td>
      <td {...cell('Choices')}>{a.choices}</td>
      <td {...cell('Rewinds')}>{a.rewinds.length}</td>
      <td {...cell('Reflection note')}>{a.note.trim() ? 'Yes' : 'No'}</td>
      <td {...cell('Debrief')}>
        {a.status === 'completed' ? (
          <Link className="debrief-link" to={`/attempts/${encodeURIComponent(a.id)}`}>
            Debrief
            <span className="visually-hidden">
              : {a.scenarioTitle}, {date}
            </span>
          </Link>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
    </tr>
  );
}
