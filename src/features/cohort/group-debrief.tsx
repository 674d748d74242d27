import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Scenario } from '../../domain/schema';
import { STANCE_LABELS } from '../../domain/stances';
import type { ScenarioFigures } from '../../engine/cohort';
import { momentsInPlayOrder, pct } from './heat';

/**
 * A view to project in a group debrief: one moment at a time, the client's line, every response
 * with the cohort's count and share, the facilitator guide's drift notes for the moment and its
 * discussion questions. Left/Right arrow keys (or Page Up/Down, as a presenter remote sends) and
 * the buttons move between moments; Escape closes.
 */
export function GroupDebrief({ scenario, fig, onClose }: { scenario: Scenario; fig: ScenarioFigures; onClose: () => void }) {
  const moments = momentsInPlayOrder(scenario).filter((id) => (fig.nodes[id]?.reached ?? 0) > 0);
  const [index, setIndex] = useState(0);
  // Stances can be hidden while the group says what it would choose, then shown.
  const [stancesShown, setStancesShown] = useState(true);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Focus the moment's heading on open and on every move, so a screen reader reads it, and show
    // the view from its top (the bar with "Moment n of m"), whatever was scrolled before: on a
    // projector the whole moment must be on screen without anyone scrolling.
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [index]);

  const go = (to: number) => setIndex(Math.max(0, Math.min(moments.length - 1, to)));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') {
      e.preventDefault();
      go(index + 1);
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault();
      go(index - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      go(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      go(moments.length - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const id = moments[index];
  const node = id ? scenario.nodes[id] : undefined;
  if (!id || node?.kind !== 'moment') {
    return (
      <section className="group-debrief" aria-labelledby="gd-empty">
        <h2 id="gd-empty" ref={heading} tabIndex={-1}>
          No moment was reached by this cohort
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Back to the figures
        </button>
      </section>
    );
  }
  const reached = fig.nodes[id]?.reached ?? 0;
  const notes = (scenario.facilitator?.driftNotes ?? []).filter((n) => n.node === id).map((n) => n.note);
  const questions = scenario.facilitator?.discussion ?? [];
  return (
    <section className="group-debrief" aria-label={`Group debrief: ${scenario.title}`} onKeyDown={onKeyDown}>
      <div className="gd-bar">
        <p className="gd-count" aria-hidden="true">
          Moment {index + 1} of {moments.length}
        </p>
        <div className="gd-nav" role="group" aria-label="Moments">
          <button type="button" className="button secondary" onClick={() => go(index - 1)} disabled={index === 0}>
            ← Previous
          </button>
          <button type="button" className="button secondary" onClick={() => go(index + 1)} disabled={index === moments.length - 1}>
            Next →
          </button>
          <button type="button" className="button secondary" aria-pressed={!stancesShown} onClick={() => setStancesShown((v) => !v)}>
            Hide stances
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <h2 ref={heading} tabIndex={-1} className="gd-title">
        <span className="visually-hidden">
          Moment {index + 1} of {moments.length}:{' '}
        </span>
        <code>{id}</code>, reached by {reached}
      </h2>
      <p className="gd-hint muted">Arrow keys or Page Up/Down move between moments; Escape closes.</p>
      <div className="gd-body">
        <div className="gd-moment">
          <blockquote className="gd-client">
            <p>{node.client}</p>
            {node.narration && <footer>{node.narration}</footer>}
          </blockquote>
          <ol className="gd-responses">
            {node.choices.map((c) => {
              const count = fig.choices[id]?.[c.id] ?? 0;
              const share = reached ? count / reached : 0;
              return (
                <li key={c.id} className={stancesShown ? `gd-response gd-${c.stance}` : 'gd-response'}>
                  <p className="gd-text">{c.text}</p>
                  <p className="gd-figures">
                    {stancesShown && <span className={`stance-badge stance-${c.stance}`}>{STANCE_LABELS[c.stance]}</span>}
                    <span className="gd-bar-track" aria-hidden="true">
                      <span style={{ width: pct(share) }} />
                    </span>
                    <strong>
                      {count} of {reached} ({pct(share)})
                    </strong>
                  </p>
                </li>
              );
            })}
          </ol>
        </div>
        {(notes.length > 0 || questions.length > 0) && (
          <aside className="gd-guide" aria-label="Facilitator guide">
            {notes.length > 0 && (
              <>
                <h3>Facilitator’s note for this moment</h3>
                <ul>
                  {notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </>
            )}
            {questions.length > 0 && (
              <>
                <h3>Discussion questions</h3>
                <ul>
                  {questions.map((q, i) => (
                    <li key={i}>{q}</li>
                  ))}
                </ul>
              </>
            )}
          </aside>
        )}
      </div>
    </section>
  );
}
