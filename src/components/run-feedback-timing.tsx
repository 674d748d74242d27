import { useId } from 'react';

export type FeedbackTimingValue = 'each' | 'debrief';

/** Setting: feedback after each choice, or only in the debrief. Values and callbacks only. */
export function FeedbackTimingControl({ value, onChange }: { value: FeedbackTimingValue; onChange: (v: FeedbackTimingValue) => void }) {
  const id = useId();
  return (
    <div className="field run-timing">
      <label htmlFor={id}>When to show feedback</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === 'debrief' ? 'debrief' : 'each')}>
        <option value="each">After each choice</option>
        <option value="debrief">Only in the debrief</option>
      </select>
    </div>
  );
}
