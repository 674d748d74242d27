import { useEffect, useRef, useState } from 'react';
import { MeterList } from '../../components/run-meters';
import { FeedbackTimingControl, type FeedbackTimingValue } from '../../components/run-feedback-timing';
import { STANCE_LABELS } from '../../domain/stances';
import { ChoiceList } from './choice-list';
import { FeedbackPanel } from './feedback-panel';
import type { RunView } from './run-view';
import { Transcript } from './transcript';

type OkView = Extract<RunView, { kind: 'ok' }>;
type FocusTarget = 'feedback' | 'client' | 'choices';

interface Props {
  readonly view: OkView;
  readonly clientName: string;
  readonly timing: FeedbackTimingValue;
  readonly onTiming: (t: FeedbackTimingValue) => void;
  readonly onChoose: (choiceId: string) => void;
  readonly onContinue: () => void;
  readonly onRetry: () => void;
}

/**
 * The conversation screen. Focus follows the conversation: to the Feedback heading after a
 * choice, to the client's new line after Continue (which reads it), and to "Your response" after
 * Try a different response. The polite live region carries only what focus does not read: the
 * stance and feedback text, or a short status, so nothing is read twice.
 */
export function PlayView({ view, clientName, timing, onTiming, onChoose, onContinue, onRetry }: Props) {
  const clientRef = useRef<HTMLDivElement>(null);
  const feedbackRef = useRef<HTMLHeadingElement>(null);
  const choicesRef = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const [note, setNote] = useState('');

  // After the store has moved on (the view changed), move focus where the conversation went.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const el = { feedback: feedbackRef, client: clientRef, choices: choicesRef }[target].current ?? clientRef.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    // Bring the whole panel or line into view, not just its first line.
    (el.closest('section.feedback-panel') ?? el).scrollIntoView?.({ block: target === 'choices' ? 'nearest' : 'start' });
  }, [view]);

  // Say what focus will not: the feedback's substance (the heading itself is read on focus).
  const shown = view.feedback?.choice;
  const liveText = shown ? `${STANCE_LABELS[shown.stance]}. ${shown.feedback ?? ''}`.trim() : note;

  const choose = (choiceId: string) => {
    setNote('');
    pendingFocus.current = timing === 'each' ? 'feedback' : 'client';
    onChoose(choiceId);
  };
  const next = () => {
    setNote('');
    pendingFocus.current = 'client';
    onContinue();
  };
  const retry = () => {
    setNote('Response undone. Choose again.');
    pendingFocus.current = 'choices';
    onRetry();
  };

  return (
    <div className="play-layout">
      <aside className="play-side" aria-labelledby="meters-heading">
        <div className="card play-side-card">
          <h2 id="meters-heading" className="play-side-heading">
            {clientName} right now
          </h2>
          <MeterList readings={view.meters} label={`${clientName}’s meters`} />
          <p className="play-side-note muted">The meters move with each response and shape where the conversation goes.</p>
        </div>
      </aside>
      <div className="play-conversation">
        <Transcript clientName={clientName} turns={view.turns} current={view.current} currentRef={clientRef} />
        {view.feedback ? (
          <FeedbackPanel
            choice={view.feedback.choice}
            changes={view.feedback.changes}
            atEnding={view.ending !== undefined}
            onContinue={next}
            onRetry={retry}
            headingRef={feedbackRef}
          />
        ) : view.current ? (
          <ChoiceList choices={view.choices} onChoose={choose} headingRef={choicesRef} />
        ) : view.ending ? (
          <p role="status">The conversation has ended. Opening your debrief…</p>
        ) : null}
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {liveText}
        </div>
        <div className="play-settings">
          <FeedbackTimingControl value={timing} onChange={onTiming} />
          <p className="muted">Your place is saved in this browser, so you can leave and come back.</p>
        </div>
      </div>
    </div>
  );
}
