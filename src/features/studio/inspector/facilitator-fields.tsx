import { updateMeta, type DraftDoc } from '../../../domain/edit/ops';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import { focusLater } from './choice-editor';
import { GroupProblems, SelectField, TextField } from './fields';

type Facilitator = NonNullable<DraftDoc['facilitator']>;
type ListKey = 'objectives' | 'discussion';

const LISTS: readonly { key: ListKey; title: string; item: string; hint: string }[] = [
  { key: 'objectives', title: 'Learning objectives', item: 'Objective', hint: 'At least one.' },
  { key: 'discussion', title: 'Discussion questions', item: 'Discussion question', hint: 'Two to four questions for the group.' },
];

/** The optional facilitator guide: objectives, discussion questions and drift notes per node. */
export function FacilitatorFields() {
  const { doc, apply } = useEditor();
  const guide = doc.facilitator;
  const set = (next: Facilitator | undefined, opts?: { coalesceKey?: string; announce?: string }) =>
    apply((d) => updateMeta(d, { facilitator: next }), opts);

  if (!guide)
    return (
      <section className="facilitator" aria-labelledby={fieldId(['facilitator'])}>
        <h3 id={fieldId(['facilitator'])} tabIndex={-1}>
          Facilitator guide
        </h3>
        <p className="field-hint">Optional notes for someone running this scenario with a group.</p>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            set({ objectives: [''], discussion: ['', ''], driftNotes: [] }, { announce: 'Added a facilitator guide.' });
            focusLater(fieldId(['facilitator', 'objectives', 0]));
          }}
        >
          Add a facilitator guide
        </button>
      </section>
    );

  const notes = guide.driftNotes ?? [];
  const nodeOptions = [{ value: '', label: 'Choose a node…' }, ...Object.keys(doc.nodes).map((id) => ({ value: id, label: id }))];
  return (
    <section className="facilitator" aria-labelledby={fieldId(['facilitator'])}>
      <h3 id={fieldId(['facilitator'])} tabIndex={-1}>
        Facilitator guide
      </h3>
      {LISTS.map(({ key, title, item, hint }) => {
        const items = guide[key] ?? [];
        return (
          <fieldset className="list-fields" key={key}>
            <legend id={fieldId(['facilitator', key])} tabIndex={-1}>
              {title}
            </legend>
            <p className="field-hint">{hint}</p>
            <GroupProblems path={['facilitator', key]} />
            {items.map((text, i) => (
              <div className="list-item" key={i}>
                <TextField
                  path={['facilitator', key, i]}
                  label={`${item} ${i + 1}`}
                  multiline
                  rows={2}
                  value={text}
                  onChange={(v) =>
                    set({ ...guide, [key]: items.map((t, j) => (j === i ? v : t)) }, { coalesceKey: fieldId(['facilitator', key, i]) })
                  }
                />
                <button
                  type="button"
                  className="button danger small"
                  aria-label={`Remove ${item.toLowerCase()} ${i + 1}`}
                  onClick={() => {
                    set({ ...guide, [key]: items.filter((_, j) => j !== i) });
                    focusLater(fieldId(['facilitator', key]));
                  }}
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                set({ ...guide, [key]: [...items, ''] });
                focusLater(fieldId(['facilitator', key, items.length]));
              }}
            >
              Add {item.toLowerCase()}
            </button>
          </fieldset>
        );
      })}
      <fieldset className="list-fields">
        <legend id={fieldId(['facilitator', 'driftNotes'])} tabIndex={-1}>
          Drift notes
        </legend>
        <p className="field-hint">What a facilitator might say when the group drifts at a particular moment.</p>
        {notes.map((note, i) => (
          <div className="list-item" key={i}>
            <SelectField
              path={['facilitator', 'driftNotes', i, 'node']}
              label={`Drift note ${i + 1} node`}
              value={note.node}
              options={nodeOptions}
              onChange={(v) => set({ ...guide, driftNotes: notes.map((x, j) => (j === i ? { ...x, node: v } : x)) })}
            />
            <TextField
              path={['facilitator', 'driftNotes', i, 'note']}
              label={`Drift note ${i + 1}`}
              multiline
              rows={2}
              value={note.note}
              onChange={(v) =>
                set(
                  { ...guide, driftNotes: notes.map((x, j) => (j === i ? { ...x, note: v } : x)) },
                  { coalesceKey: fieldId(['facilitator', 'driftNotes', i, 'note']) },
                )
              }
            />
            <button
              type="button"
              className="button danger small"
              aria-label={`Remove drift note ${i + 1}`}
              onClick={() => {
                set({ ...guide, driftNotes: notes.filter((_, j) => j !== i) });
                focusLater(fieldId(['facilitator', 'driftNotes']));
              }}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            set({ ...guide, driftNotes: [...notes, { node: doc.start ?? '', note: '' }] });
            focusLater(fieldId(['facilitator', 'driftNotes', notes.length, 'note']));
          }}
        >
          Add drift note
        </button>
      </fieldset>
      <button
        type="button"
        className="button danger small"
        onClick={() => {
          set(undefined, { announce: 'Removed the facilitator guide. Undo brings it back.' });
          focusLater(fieldId(['facilitator']));
        }}
      >
        Remove facilitator guide
      </button>
    </section>
  );
}
