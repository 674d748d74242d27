import { useId } from 'react';

/** A private note on the attempt, saved as it is typed. */
export function ReflectionNote({ value, onChange }: { value: string; onChange: (note: string) => void }) {
  const id = useId();
  return (
    <div className="field reflection">
      <label htmlFor={id}>Your reflection</label>
      <p id={`${id}-hint`} className="muted reflection-hint">
        What would you try at the moment that mattered most? Saved in this browser only; nobody else sees it.
      </p>
      <textarea id={id} aria-describedby={`${id}-hint`} value={value} rows={5} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
