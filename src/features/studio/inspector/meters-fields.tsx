import { deleteMeter, renameMeter, setMeter } from '../../../domain/edit/ops';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import { focusLater } from './choice-editor';
import { GroupProblems, NumberField, TextField } from './fields';
import { RenameField } from './rename-field';

/** The client's meters: id (rename: effects and conditions follow), label, initial value. */
export function MetersFields() {
  const { doc, apply } = useEditor();
  const meters = Object.entries(doc.meters ?? {});
  const add = () => {
    let n = meters.length + 1;
    while (Object.hasOwn(doc.meters, `meter${n}`)) n++;
    const id = `meter${n}`;
    apply((d) => setMeter(d, id, { label: `Meter ${n}`, initial: 50 }), { announce: `Added meter ${id}.` });
    focusLater(fieldId(['meters', id, 'label']));
  };
  return (
    <section className="meters" aria-labelledby={fieldId(['meters'])}>
      <h3 id={fieldId(['meters'])} tabIndex={-1}>
        Meters
      </h3>
      <p className="field-hint">What the client feels during the conversation (0-100). Choices move them; route nodes branch on them.</p>
      <GroupProblems path={['meters']} />
      {meters.map(([id, meter], i) => (
        <fieldset className="choice-card meter-card" key={i}>
          <legend>Meter: {meter.label || id}</legend>
          <div className="field-row">
            <RenameField
              id={fieldId(['meters', id])}
              label="Meter id"
              hint="One camelCase word, e.g. trust. Press Enter to rename."
              current={id}
              rename={(to) => apply((d) => renameMeter(d, id, to), { announce: `Renamed meter ${id} to ${to}.` })}
            />
            <NumberField
              path={['meters', id, 'initial']}
              label="Initial value"
              min={0}
              max={100}
              value={meter.initial}
              onChange={(n) => apply((d) => setMeter(d, id, { initial: n ?? 0 }), { coalesceKey: fieldId(['meters', id, 'initial']) })}
            />
          </div>
          <TextField
            path={['meters', id, 'label']}
            label="Meter label"
            value={meter.label ?? ''}
            onChange={(v) => apply((d) => setMeter(d, id, { label: v }), { coalesceKey: fieldId(['meters', id, 'label']) })}
          />
          <button
            type="button"
            className="button danger small"
            aria-label={`Delete meter ${meter.label || id}`}
            onClick={() => {
              apply((d) => deleteMeter(d, id), { announce: `Deleted meter ${id}. Effects on it were removed; undo brings them back.` });
              focusLater(fieldId(['meters']));
            }}
          >
            Delete meter
          </button>
        </fieldset>
      ))}
      <button type="button" className="button secondary" onClick={add}>
        Add meter
      </button>
    </section>
  );
}
