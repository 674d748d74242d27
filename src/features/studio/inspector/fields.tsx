import type { KeyboardEvent, ReactNode } from 'react';
import type { PathSegment } from '../../../domain/problem';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';

interface BaseProps {
  /** Where this field lives in the scenario; gives the input its stable id. */
  readonly path: readonly PathSegment[];
  readonly label: string;
  readonly hint?: ReactNode;
  readonly className?: string;
}

/** Inline problems for one field: ids for aria-describedby and the messages to show. */
function useFieldProblems(path: readonly PathSegment[], hasHint: boolean) {
  const { fieldProblems } = useEditor();
  const id = fieldId(path);
  const problems = fieldProblems.get(id) ?? [];
  const describedBy = [hasHint ? `${id}-hint` : '', problems.length ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = problems.some((p) => p.severity === 'error');
  const messages = problems.length ? (
    <ul className="field-problems" id={`${id}-problems`}>
      {problems.map((p, i) => (
        <li key={i} className={p.severity}>
          <span className="visually-hidden">{p.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          {p.message}
        </li>
      ))}
    </ul>
  ) : null;
  return { id, describedBy, invalid, messages };
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

export function TextField(
  props: BaseProps & { value: string; onChange: (value: string) => void; multiline?: boolean; rows?: number; placeholder?: string },
) {
  const { id, describedBy, invalid, messages } = useFieldProblems(props.path, !!props.hint);
  const common = {
    id,
    value: props.value,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    placeholder: props.placeholder,
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" autoComplete="off" onChange={(e) => props.onChange(e.target.value)} />
      )}
      {messages}
    </div>
  );
}

export function NumberField(
  props: BaseProps & {
    value: number | undefined;
    onChange: (value: number | undefined) => void;
    min?: number;
    max?: number;
    step?: number;
  },
) {
  const { id, describedBy, invalid, messages } = useFieldProblems(props.path, !!props.hint);
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value ?? ''}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const raw = e.target.value.trim();
          const n = Number(raw);
          props.onChange(raw === '' || !Number.isFinite(n) ? undefined : n);
        }}
      />
      {messages}
    </div>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    options: readonly Option[];
    groups?: readonly { label: string; options: readonly Option[] }[];
    onKeyDown?: (e: KeyboardEvent<HTMLSelectElement>) => void;
    onBlur?: () => void;
    /** Extra text under the select (e.g. what Enter will do), announced with it. */
    note?: ReactNode;
  },
) {
  const { id, describedBy, invalid, messages } = useFieldProblems(props.path, !!props.hint);
  const described = [describedBy, props.note ? `${id}-note` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <select
        id={id}
        value={props.value}
        aria-describedby={described}
        aria-invalid={invalid || undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={props.onKeyDown}
        onBlur={props.onBlur}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {props.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {props.note ? (
        <p className="field-note" id={`${id}-note`}>
          {props.note}
        </p>
      ) : null}
      {messages}
    </div>
  );
}

/** Inline problems for a whole group (e.g. "a moment needs a partnering choice" on the choices list). */
export function GroupProblems({ path }: { path: readonly PathSegment[] }) {
  return useFieldProblems(path, false).messages;
}

/** Optional text: an empty box removes the field rather than storing "". */
export const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value);
