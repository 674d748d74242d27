import { ClientText } from '../../components/run-client-text';
import { StanceBadge } from '../../components/run-stance-badge';
import { OUTCOME_LABELS, type Outcome } from '../../domain/kinds';
import { STANCES } from '../../domain/stances';
import type { Debrief, MarkerCount } from '../../engine/debrief';
import type { Attempt } from '../../persistence/progress-schema';

const isOutcome = (o: string | undefined): o is Outcome => o !== undefined && Object.hasOwn(OUTCOME_LABELS, o);
const percent = (share: number) => `${Math.round(share * 100)}%`;

export function OutcomeBadge({ outcome }: { outcome: string | undefined }) {
  if (!isOutcome(outcome)) return null;
  return <span className={`outcome-badge outcome-${outcome}`}>Outcome: {OUTCOME_LABELS[outcome]}</span>;
}

/** How the conversation ended: outcome, the client's last words and the ending summary. */
export function EndingCard({ debrief, clientName }: { debrief: Debrief; clientName: string }) {
  const { ending } = debrief;
  return (
    <section className="card ending-card" aria-labelledby="ending-heading">
      <h2 id="ending-heading" className="visually-hidden">
        How it ended
      </h2>
      <p>
        <OutcomeBadge outcome={ending.outcome} />
      </p>
      <figure className="last-words">
        <blockquote>
          <ClientText text={ending.client} />
        </blockquote>
        <figcaption className="muted">{clientName}, at the end of the conversation</figcaption>
      </figure>
      <p className="ending-summary">{ending.summary}</p>
    </section>
  );
}

/** The pattern across moves, with counts per stance. */
export function PatternCard({ debrief }: { debrief: Debrief }) {
  const total = debrief.steps.length;
  return (
    <section className="card" aria-labelledby="pattern-heading">
      <h2 id="pattern-heading">{debrief.pattern.headline}</h2>
      <p>{debrief.pattern.detail}</p>
      <h3>Moves by stance</h3>
      <ul className="stance-counts">
        {STANCES.map((s) => (
          <li key={s}>
            <StanceBadge stance={s} />
            <span className="stance-count-bar" aria-hidden="true">
              <span className={`stance-count-fill fill-${s}`} style={{ width: total ? `${(debrief.tally[s] / total) * 100}%` : 0 }} />
            </span>
            <span className="stance-count-value">
              {debrief.tally[s]}
              <span className="visually-hidden"> of {total} moves</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Markers({ title, items, empty }: { title: string; items: readonly MarkerCount[]; empty: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {items.length ? (
        <ul className="run-marker-list">
          {items.map((m) => (
            <li key={m.id}>
              <span className="run-marker-id">{m.id}</span>{' '}
              <span>
                {m.meaning}
                {m.count > 1 && <span className="muted"> ({m.count} times)</span>}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}

/** Cue-based insights, the PCC markers honoured and broken, and counts of secondary flags. */
export function InsightsCard({ debrief }: { debrief: Debrief }) {
  return (
    <section className="card" aria-labelledby="insights-heading">
      <h2 id="insights-heading">What happened at the turning points</h2>
      {debrief.insights.length ? (
        <ul className="insights">
          {debrief.insights.map((ins) => (
            <li key={ins.cue}>{ins.text}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No turning points were marked in this conversation.</p>
      )}
      <div className="marker-columns">
        <Markers title="PCC markers honoured" items={debrief.markers.honoured} empty="None of the moves honoured a listed marker." />
        <Markers title="PCC markers broken" items={debrief.markers.broken} empty="None of the moves broke a listed marker." />
      </div>
      {debrief.flags.length ? (
        <div>
          <h3>Also named in your moves</h3>
          <ul className="flag-counts">
            {debrief.flags.map((f) => (
              <li key={f.flag}>
                <span>
                  <strong>{f.text}</strong> <span className="muted">{f.meaning}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** What is still known when the path can no longer be replayed. */
export function StoredSummary({ attempt, why }: { attempt: Attempt; why: 'abandoned' | 'changed' | 'missing' }) {
  const message = {
    abandoned: `This attempt was closed before the conversation ended${attempt.reason ? `: ${attempt.reason}` : '.'}`,
    changed: 'The scenario has changed since this attempt, so its path can no longer be replayed. These are the figures saved at the time.',
    missing: 'This scenario is no longer available, so only the figures saved at the time can be shown.',
  }[why];
  return (
    <section className="card stored-summary" aria-labelledby="stored-heading">
      <h2 id="stored-heading">Saved summary</h2>
      <p>{message}</p>
      <dl className="stored-figures">
        {isOutcome(attempt.outcome) && (
          <>
            <dt>Outcome</dt>
            <dd>{OUTCOME_LABELS[attempt.outcome]}</dd>
          </>
        )}
        <dt>Responses chosen</dt>
        <dd>{attempt.choices}</dd>
        <dt>Partnering moves</dt>
        <dd>{percent(attempt.partneringShare)}</dd>
      </dl>
    </section>
  );
}
