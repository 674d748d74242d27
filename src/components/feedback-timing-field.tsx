import { useId } from 'react';
import './feedback-timing-field.css';

export type FeedbackTimingValue = 'each' | 'debrief';

/** The two settings with their wording, shared by every feedback-timing control. */
export const FEEDBACK_TIMING_OPTIONS: readonly { value: FeedbackTimingValue; label: string; hint: string }[] = [
  { value: 'each', label: 'After each choice', hint: 'See how each response landed before you go on.' },
  { value: 'debrief', label: 'Only in the debrief', hint: 'Play the whole conversation first, then review every choice.' },
];

interface FeedbackTimingFieldProps {
  readonly value: FeedbackTimingValue;
  readonly onChange: (value: FeedbackTimingValue) => void;
  readonly legend?: string;
}

/** Radio group for when reflective feedback is shown. Values and callbacks only. */
export function FeedbackTimingField({ value, onChange, legend = 'When to show feedback' }: FeedbackTimingFieldProps) {
  const name = useId();
  return (
    <fieldset className="choice-field">
      <legend>{legend}</legend>
      {FEEDBACK_TIMING_OPTIONS.map((o) => (
        <label key={o.value} className="choice-option">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>
            <span className="choice-option-label">{o.label}</span>
            <span className="choice-option-hint">{o.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
