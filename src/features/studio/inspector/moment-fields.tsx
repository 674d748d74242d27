import { addChoice, updateNode } from '../../../domain/edit/ops';
import { CUES, CUE_LABELS } from '../../../domain/kinds';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import { ChoiceEditor, focusLater } from './choice-editor';
import type { MomentInput } from './doc-types';
import { GroupProblems, SelectField, TextField, optionalText } from './fields';

const CUE_OPTIONS = [{ value: '', label: 'No cue' }, ...CUES.map((c) => ({ value: c, label: CUE_LABELS[c] }))];

export function MomentFields({ nodeId, node }: { nodeId: string; node: MomentInput }) {
  const { apply } = useEditor();
  const base = ['nodes', nodeId] as const;
  const choices = node.choices ?? [];
  return (
    <>
      <TextField
        path={[...base, 'client']}
        label="Client line"
        multiline
        rows={5}
        hint="What the client says. A blank line starts a new paragraph."
        value={node.client ?? ''}
        onChange={(v) => apply((d) => updateNode(d, nodeId, { client: v }), { coalesceKey: fieldId([...base, 'client']) })}
      />
      <TextField
        path={[...base, 'narration']}
        label="Narration"
        multiline
        rows={2}
        hint="Optional: what the coach notices (tone, pauses), shown in italics."
        value={node.narration ?? ''}
        onChange={(v) =>
          apply((d) => updateNode(d, nodeId, { narration: optionalText(v) }), { coalesceKey: fieldId([...base, 'narration']) })
        }
      />
      <SelectField
        path={[...base, 'cue']}
        label="Cue"
        hint="What the client's line invites; the debrief uses it for insights."
        value={node.cue ?? ''}
        options={CUE_OPTIONS}
        onChange={(v) => apply((d) => updateNode(d, nodeId, { cue: (v || undefined) as MomentInput['cue'] }))}
      />
      <section className="choices" aria-labelledby={fieldId([...base, 'choices'])}>
        <h3 id={fieldId([...base, 'choices'])} tabIndex={-1}>
          Choices <span className="muted">({choices.length})</span>
        </h3>
        <GroupProblems path={[...base, 'choices']} />
        {choices.map((choice, i) => (
          <ChoiceEditor
            key={`${choice.id}-${choices.slice(0, i).filter((c) => c.id === choice.id).length}`}
            nodeId={nodeId}
            index={i}
            count={choices.length}
            choice={choice}
          />
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            apply((d) => addChoice(d, nodeId), { announce: `Added choice ${choices.length + 1}.` });
            focusLater(fieldId([...base, 'choices', choices.length, 'text']));
          }}
        >
          Add choice
        </button>
      </section>
    </>
  );
}
