import type { PathSegment } from '../../../domain/problem';
import { FLAGS, FLAG_LABELS, FLAG_MEANINGS, NOT_PARTNERING_FLAGS, isFlag, type Flag } from '../../../domain/flags';
import { fieldId } from '../field-paths';
import { GroupProblems } from './fields';

/**
 * Secondary flags as a checkbox group, each with its one-line meaning; the chosen ones as removable
 * chips above. Flags keep the vocabulary's order, and an empty list removes the field. A checked
 * flag's box has the id of its place in the list, so a problem on `flags[1]` focuses that box.
 */
export function FlagPicker(props: {
  path: readonly PathSegment[];
  value: readonly string[];
  stance: string;
  onChange: (flags: Flag[] | undefined) => void;
}) {
  const chosen = new Set(props.value);
  const set = (flag: Flag, on: boolean) => {
    const next = FLAGS.filter((f) => (f === flag ? on : chosen.has(f)));
    props.onChange(next.length ? next : undefined);
  };
  const legendId = fieldId(props.path);
  const partnering = props.stance === 'partnering';

  return (
    <fieldset className="markers flags" aria-labelledby={legendId}>
      <legend id={legendId} tabIndex={-1}>
        Flags
      </legend>
      <p className="field-hint">
        Optional: a secondary slip the feedback should name beside the stance.
        {partnering ? ` A partnering response is never a ${NOT_PARTNERING_FLAGS.map((f) => FLAG_LABELS[f].toLowerCase()).join(', ')}.` : ''}
      </p>
      {props.value.length ? (
        <ul className="chips" aria-label="Chosen flags">
          {props.value.map((f, i) => (
            <li key={`${f}-${i}`}>
              <button
                type="button"
                className="chip"
                onClick={() => isFlag(f) && set(f, false)}
                aria-label={`Remove flag ${isFlag(f) ? FLAG_LABELS[f] : f}`}
              >
                <span>{isFlag(f) ? FLAG_LABELS[f] : f}</span> <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No flags.</p>
      )}
      <GroupProblems path={props.path} />
      {props.value.map((_, j) => (
        <GroupProblems key={j} path={[...props.path, j]} />
      ))}
      <details className="marker-details">
        <summary>Choose flags ({props.value.length} chosen)</summary>
        <ul className="marker-list flag-list" aria-label="Flags">
          {FLAGS.map((f) => {
            const at = props.value.indexOf(f);
            return (
              <li key={f}>
                <label className="check">
                  <input
                    type="checkbox"
                    id={at >= 0 ? fieldId([...props.path, at]) : `${legendId}--${f}`}
                    checked={at >= 0}
                    onChange={(e) => set(f, e.target.checked)}
                  />
                  <span>
                    <strong>{FLAG_LABELS[f]}</strong> {FLAG_MEANINGS[f]}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </details>
    </fieldset>
  );
}
