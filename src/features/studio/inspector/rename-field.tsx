import { useState } from 'react';
import type { ApplyResult } from '../editor-context';
import { useEditor } from '../editor-context';

/**
 * An id that is renamed on Enter or when leaving the field (not per keystroke: references follow
 * the rename). A refused rename (clash, invalid id) is shown inline and nothing changes; Escape reverts.
 */
export function RenameField(props: {
  id: string;
  label: string;
  hint: string;
  current: string;
  rename: (to: string) => ApplyResult;
  onRenamed?: (to: string, via: 'enter' | 'blur') => void;
}) {
  const { fieldProblems } = useEditor();
  const [value, setValue] = useState(props.current);
  const [error, setError] = useState<string>();
  // The id changed from outside (rename, undo): show the new one.
  const [shown, setShown] = useState(props.current);
  if (shown !== props.current) {
    setShown(props.current);
    setValue(props.current);
    setError(undefined);
  }
  const { id } = props;
  const problems = fieldProblems.get(id) ?? [];

  const commit = (via: 'enter' | 'blur') => {
    const next = value.trim();
    if (next === props.current) return setError(undefined);
    const result = props.rename(next);
    if (result.ok) {
      setError(undefined);
      props.onRenamed?.(next, via);
    } else setError(result.message);
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', problems.length ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={!!error || problems.some((p) => p.severity === 'error') || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setValue(e.target.value);
          if (error) setError(undefined);
        }}
        onBlur={() => commit('blur')}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit('enter');
          } else if (e.key === 'Escape' && value !== props.current) {
            e.stopPropagation();
            setValue(props.current);
            setError(undefined);
          }
        }}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      {problems.length ? (
        <ul className="field-problems" id={`${id}-problems`}>
          {problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
