import { ClientText, Narration } from '../../components/run-client-text';
import { formatDelta } from '../../components/run-meters';
import { StanceBadge } from '../../components/run-stance-badge';
import { FLAG_LABELS, FLAG_MEANINGS } from '../../domain/flags';
import { CUE_LABELS } from '../../domain/kinds';
import { MARKERS } from '../../domain/markers';
import type { Choice, Moment, Scenario } from '../../domain/schema';
import { quoted, type NodeRef } from './facilitator-model';

export type Describe = (nodeId: string) => string;

/** Drift notes for a node: where trainees tend to drift, for the facilitator to watch. */
export function DriftNotes({ notes }: { notes: readonly string[] | undefined }) {
  if (!notes?.length) return null;
  return (
    <aside className="fac-drift" aria-label="Drift note">
      <p className="fac-kicker">Drift note</p>
      {notes.map((n, i) => (
        <p key={i}>{n}</p>
      ))}
    </aside>
  );
}

function Response({ scenario, choice, index, describe }: { scenario: Scenario; choice: Choice; index: number; describe: Describe }) {
  const partnering = choice.stance === 'partnering';
  const effects = Object.entries(choice.effects).filter(([, d]) => d !== 0);
  return (
    <li className="fac-response">
      <h4>
        Response {index + 1}: <StanceBadge stance={choice.stance} prefix="Stance:" />
      </h4>
      <blockquote className="fac-quote">{quoted(choice.text)}</blockquote>
      {choice.markers.length > 0 && (
        <div className="fac-row">
          <p className="fac-kicker">{partnering ? 'PCC markers honoured' : 'PCC markers broken'}</p>
          <ul className="fac-markers">
            {choice.markers.map((m) => (
              <li key={m}>
                <span className="fac-marker-id">{m}</span> {MARKERS[m] ?? 'Marker not in the reference'}
              </li>
            ))}
          </ul>
        </div>
      )}
      {choice.flags?.length ? (
        <div className="fac-row">
          <p className="fac-kicker">Flags</p>
          <ul className="fac-markers fac-flags">
            {choice.flags.map((f) => (
              <li key={f}>
                <strong>{FLAG_LABELS[f]}</strong> {FLAG_MEANINGS[f]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="fac-row">
        <span className="fac-kicker">Effects: </span>
        {effects.length ? effects.map(([id, d]) => `${scenario.meters[id]?.label ?? id} ${formatDelta(d)}`).join(', ') : 'none'}
      </p>
      {choice.feedback && (
        <p className="fac-row">
          <span className="fac-kicker">Feedback: </span>
          {choice.feedback}
        </p>
      )}
      {!partnering && choice.partneringAlternative && (
        <p className="fac-row fac-alt">
          <span className="fac-kicker">Partnering alternative: </span>
          {quoted(choice.partneringAlternative)}
        </p>
      )}
      {choice.reflect && (
        <p className="fac-row">
          <span className="fac-kicker">To reflect on: </span>
          <em>{choice.reflect}</em>
        </p>
      )}
      <p className="fac-row fac-next">
        <span className="fac-kicker">Leads to: </span>
        {describe(choice.next)}
      </p>
    </li>
  );
}

/** One moment: the client's line, narration, cue, drift notes and every response in full. */
export function MomentEntry({
  scenario,
  refItem,
  moment,
  notes,
  describe,
}: {
  scenario: Scenario;
  refItem: NodeRef;
  moment: Moment;
  notes?: readonly string[];
  describe: Describe;
}) {
  return (
    <article className="fac-moment" aria-labelledby={`fac-h-${refItem.id}`}>
      <div className="fac-moment-head">
        <h3 id={`fac-h-${refItem.id}`}>
          {refItem.label}: {refItem.id}
          {refItem.id === scenario.start ? ' (start)' : ''}
        </h3>
        {moment.cue && (
          <p className="fac-cue">
            <span className="fac-kicker">Cue: </span>
            {CUE_LABELS[moment.cue]}
          </p>
        )}
        <DriftNotes notes={notes} />
        {moment.narration && <Narration text={moment.narration} />}
        <div className="fac-client">
          <p className="fac-kicker">{scenario.client.name} says</p>
          <ClientText text={moment.client} />
        </div>
      </div>
      <ol className="fac-responses" aria-label={`Responses at ${refItem.label}`}>
        {moment.choices.map((c, i) => (
          <Response key={c.id} scenario={scenario} choice={c} index={i} describe={describe} />
        ))}
      </ol>
    </article>
  );
}
