import { Link } from 'react-router';
import { competencyName } from '../../domain/reference';
import { STANCE_LABELS } from '../../domain/stances';
import type { ScenarioSummary } from '../../domain/summary';
import { statusLabel, statusTone, type ScenarioStatus } from './scenario-status';

interface ScenarioCardProps {
  readonly summary: ScenarioSummary;
  readonly source: 'bundled' | 'draft';
  readonly status: ScenarioStatus;
}

/** One scenario in the library. The title link covers the whole card (see library.css). */
export function ScenarioCard({ summary, source, status }: ScenarioCardProps) {
  const tone = statusTone(status);
  return (
    <article className="card scenario-card">
      <div className="scenario-card-top">
        <span className={`status-chip status-${tone}`}>
          <span className="visually-hidden">Status: </span>
          {statusLabel(status)}
        </span>
        {source === 'draft' && <span className="draft-chip">Draft</span>}
      </div>
      <h2 className="scenario-card-title">
        <Link to={`/scenarios/${encodeURIComponent(summary.id)}`}>{summary.title}</Link>
      </h2>
      <p className="scenario-card-client">
        {summary.client.name}, {summary.client.role}
      </p>
      <p className="scenario-card-summary">{summary.summary}</p>
      <dl className="scenario-card-facts">
        <div>
          <dt>Practises</dt>
          <dd>
            <ul className="tag-list">
              {summary.competencies.map((n) => (
                <li key={n}>{competencyName(n)}</li>
              ))}
            </ul>
          </dd>
        </div>
        {summary.temptation && (
          <div>
            <dt>Main pull</dt>
            <dd>{STANCE_LABELS[summary.temptation]}</dd>
          </div>
        )}
        <div>
          <dt>Time</dt>
          <dd>About {summary.estimatedMinutes} min</dd>
        </div>
      </dl>
    </article>
  );
}
