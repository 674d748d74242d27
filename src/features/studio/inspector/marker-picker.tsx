import { useId, useState } from 'react';
import type { PathSegment } from '../../../domain/problem';
import { MARKERS, MARKER_IDS } from '../../../domain/markers';
import { MARKERS_BROKEN_BY, type Stance } from '../../../domain/stances';
import { fieldId } from '../field-paths';
import { GroupProblems } from './fields';

/**
 * Markers as a searchable multi-select: the chosen markers as removable chips, and a search box
 * filtering a checkbox list where every marker shows its paraphrased meaning.
 */
export function MarkerPicker(props: {
  path: readonly PathSegment[];
  value: readonly string[];
  stance: Stance | string;
  onChange: (markers: string[]) => void;
}) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const id = fieldId(props.path);
  const chosen = new Set(props.value);
  const q = query.trim().toLowerCase();
  const shown = MARKER_IDS.filter((m) => !q || m.includes(q) || MARKERS[m]!.toLowerCase().includes(q));
  const broken = props.stance !== 'partnering' ? MARKERS_BROKEN_BY[props.stance as Exclude<Stance, 'partnering'>] : undefined;
  const toggle = (m: string, on: boolean) => props.onChange(on ? [...props.value, m] : props.value.filter((x) => x !== m));

  return (
    <fieldset className="markers">
      <legend>Markers</legend>
      <p className="field-hint">
        {broken
          ? `For a ${props.stance} response, tag the PCC markers it breaks (the reference lists ${broken.join(', ')}).`
          : 'For a partnering response, tag the PCC markers it honours.'}
      </p>
      {props.value.length ? (
        <ul className="chips" aria-label="Chosen markers">
          {props.value.map((m, i) => (
            <li key={`${m}-${i}`}>
              <button type="button" className="chip" onClick={() => toggle(m, false)} aria-label={`Remove marker ${m}`}>
                <span>{m}</span> <span className="chip-meaning">{MARKERS[m] ?? 'not a PCC marker'}</span> <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No markers chosen.</p>
      )}
      <GroupProblems path={props.path} />
      {props.value.map((_, j) => (
        <GroupProblems key={j} path={[...props.path, j]} />
      ))}
      <details className="marker-details">
        <summary>Choose markers ({props.value.length} chosen)</summary>
        <div className="field">
          <label htmlFor={id}>Search markers</label>
          <input id={id} type="search" value={query} autoComplete="off" aria-controls={listId} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <ul className="marker-list" id={listId} aria-label="Markers">
          {shown.map((m) => (
            <li key={m}>
              <label className="check">
                <input type="checkbox" checked={chosen.has(m)} onChange={(e) => toggle(m, e.target.checked)} />
                <span>
                  <strong>{m}</strong> {MARKERS[m]}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p className="muted small" role="status">
          {shown.length === 0 ? 'No marker matches.' : `${shown.length} of ${MARKER_IDS.length} markers shown.`}
        </p>
      </details>
    </fieldset>
  );
}
