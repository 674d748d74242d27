import { Link } from 'react-router';
import type { Attempt } from '../../persistence/progress-schema';
import { endingLabel, formatDate, newestFirst, percent } from './format';

const COLUMNS = ['Date', 'Scenario', 'Ending', 'Partnering share', 'Choices', 'Rewinds', 'Reflection note', 'Debrief'] as const;

/**
 * Every attempt, newest first. A table on wide screens; on narrow screens each row is shown as a
 * stacked card (progress.css), with explicit roles so the table stays a table for screen readers.
 */
export function AttemptsTable({ attempts }: { readonly attempts: readonly Attempt[] }) {
  if (!attempts.length)
    return <p>No attempts yet. Finished and abandoned conversations will appear here.</p>;
  return (
    <table className="attempts-table" role="table">
      <caption className="visually-hidden">All your attempts, newest first</caption>
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
        {newestFirst(attempts).map((a) => (
          <AttemptRow key={a.id} attempt={a} />
        ))}
      </tbody>
    </table>
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
            Debrief<span className="visually-hidden">: {a.scenarioTitle}, {date}</span>
          </Link>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
    </tr>
  );
}
