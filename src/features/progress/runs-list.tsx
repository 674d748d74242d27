import { Link } from 'react-router';
import type { Run } from '../../persistence/progress-schema';
import { formatDate, plural } from './format';

interface RunsListProps {
  readonly runs: readonly Run[];
  readonly titleOf: (scenarioId: string) => string;
}

/** Conversations started and not yet finished, with a way back in. */
export function RunsList({ runs, titleOf }: RunsListProps) {
  if (!runs.length) return <p>Nothing in progress.</p>;
  return (
    <ul className="runs-list">
      {runs.map((run) => {
        const title = titleOf(run.scenarioId);
        return (
          <li key={run.id} className="card run-card">
            <div>
              <h3>{title}</h3>
              <p className="muted">
                Started <time dateTime={run.startedAt}>{formatDate(run.startedAt)}</time> · {plural(run.path.length, 'choice')} made
                {run.rewinds.length ? ` · ${plural(run.rewinds.length, 'rewind')}` : ''}
              </p>
            </div>
            <Link className="button" to={`/scenarios/${encodeURIComponent(run.scenarioId)}/play`}>
              Resume<span className="visually-hidden"> {title}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
