import { useId } from 'react';
import { FEEDBACK_TIMING_OPTIONS, type FeedbackTimingValue } from './feedback-timing-field';

export type { FeedbackTimingValue };

/** Compact setting for the play page: feedback after each choice, or only in the debrief. */
export function FeedbackTimingControl({ value, onChange }: { value: FeedbackTimingValue; onChange: (v: FeedbackTimingValue) => void }) {
  const id = useId();
  return (
    <div className="field run-timing">
      <label htmlFor={id}>When to show feedback</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === 'debrief' ? 'debrief' : 'each')}>
        {FEEDBACK_TIMING_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
