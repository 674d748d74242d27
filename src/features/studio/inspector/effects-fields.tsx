import type { PathSegment } from '../../../domain/problem';
import { useEditor } from '../editor-context';
import { meterList } from './doc-types';
import { NumberField } from './fields';

/** One number input per meter ("Trust change"); an empty box means no change. */
export function EffectsFields(props: {
  path: readonly PathSegment[];
  value: Readonly<Record<string, number>>;
  onChange: (effects: Record<string, number>) => void;
}) {
  const { doc } = useEditor();
  const meters = meterList(doc);
  const unknown = Object.keys(props.value).filter((m) => !meters.some(([id]) => id === m));
  const set = (meter: string, n: number | undefined) => {
    const next = { ...props.value };
    if (n === undefined) delete next[meter];
    else next[meter] = Math.trunc(n);
    props.onChange(next);
  };
  return (
    <fieldset className="effects">
      <legend>Effects on the meters</legend>
      <p className="field-hint">How much each meter moves when the trainee picks this response (−100 to 100; empty: no change).</p>
      <div className="effects-grid">
        {[...meters, ...unknown.map((m) => [m, `${m} (unknown meter)`] as [string, string])].map(([meter, label]) => (
          <NumberField
            key={meter}
            path={[...props.path, meter]}
            label={`${label} change`}
            min={-100}
            max={100}
            value={props.value[meter]}
            onChange={(n) => set(meter, n)}
          />
        ))}
      </div>
    </fieldset>
  );
}
