import type { Ref } from 'react';
import { FeedbackBody, type MeterChange } from '../../components/run-feedback-body';
import type { Choice } from '../../domain/schema';

interface Props {
  readonly choice: Choice;
  readonly changes: readonly MeterChange[];
  /** The choice ended the conversation: Continue opens the debrief. */
  readonly atEnding: boolean;
  readonly onContinue: () => void;
  readonly onRetry: () => void;
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

/** Feedback on the response just chosen, waiting for Continue or Try a different response. */
export function FeedbackPanel({ choice, changes, atEnding, onContinue, onRetry, headingRef }: Props) {
  return (
    <section className={`feedback-panel card feedback-${choice.stance}`} aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" ref={headingRef} tabIndex={-1}>
        Feedback
      </h2>
      <FeedbackBody move={choice} changes={changes} />
      {atEnding && <p className="feedback-end-note">This response ends the conversation. Continue to see your debrief.</p>}
      <div className="actions">
        <button type="button" className="button" onClick={onContinue}>
          Continue
        </button>
        <button type="button" className="button secondary" onClick={onRetry}>
          Try a different response
        </button>
      </div>
    </section>
  );
}
