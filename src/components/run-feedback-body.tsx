import { FLAG_LABELS, FLAG_MEANINGS, type Flag } from '../domain/flags';
import { MARKERS } from '../domain/markers';
import { STANCE_DESCRIPTIONS, type Stance } from '../domain/stances';
import { formatDelta } from './run-meters';
import { StanceBadge } from './run-stance-badge';
import './run-components.css';

export interface FeedbackMove {
  readonly stance: Stance;
  readonly feedback?: string;
  readonly markers: readonly string[];
  /** Secondary flags beside the stance, each shown with its one-line meaning. */
  readonly flags?: readonly Flag[];
  readonly reflect?: string;
  readonly partneringAlternative?: string;
}

export interface MeterChange {
  readonly id: string;
  readonly label: string;
  readonly delta: number;
}

/**
 * What a move did and why: stance, feedback text, any secondary flags (leading question, judging...)
 * with their meaning, the PCC markers it honours or breaks (with
 * their paraphrased meaning), a reflective question and, for a drift, the partnering alternative.
 * The text is about the move, never the person.
 */
export function FeedbackBody({
  move,
  changes,
  headingLevel = 3,
}: {
  move: FeedbackMove;
  changes?: readonly MeterChange[];
  headingLevel?: 3 | 4;
}) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const partnering = move.stance === 'partnering';
  const moved = changes?.filter((c) => c.delta !== 0) ?? [];
  return (
    <div className="run-feedback-body">
      <p className="run-feedback-stance">
        <span className="run-feedback-kicker">Stance:</span> <StanceBadge stance={move.stance} />
      </p>
      <p>{move.feedback ?? STANCE_DESCRIPTIONS[move.stance]}</p>
      {moved.length > 0 && (
        <p className="run-feedback-changes">
          <span className="run-feedback-kicker">Effect on the client:</span>{' '}
          {moved.map((c, i) => (
            <span key={c.id} className="run-feedback-change">
              {c.label} {formatDelta(c.delta)}
              {i < moved.length - 1 ? ', ' : ''}
            </span>
          ))}
        </p>
      )}
      {move.flags?.length ? (
        <>
          <H className="run-feedback-subhead">Also in this move</H>
          <ul className="run-flag-list">
            {move.flags.map((f) => (
              <li key={f}>
                <span className="run-flag">{FLAG_LABELS[f]}</span> <span>{FLAG_MEANINGS[f]}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {move.markers.length > 0 && (
        <>
          <H className="run-feedback-subhead">{partnering ? 'PCC markers this move honours' : 'PCC markers this move breaks'}</H>
          <ul className="run-marker-list">
            {move.markers.map((m) => (
              <li key={m}>
                <span className="run-marker-id">{m}</span> <span>{MARKERS[m] ?? 'Marker not in the reference'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {!partnering && move.partneringAlternative && (
        <>
          <H className="run-feedback-subhead">A partnering alternative</H>
          <blockquote className="run-alternative">{move.partneringAlternative}</blockquote>
        </>
      )}
      {move.reflect && (
        <>
          <H className="run-feedback-subhead">To reflect on</H>
          <p className="run-reflect">{move.reflect}</p>
        </>
      )}
    </div>
  );
}
