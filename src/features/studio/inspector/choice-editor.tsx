import { deleteChoice, duplicateChoice, moveChoice, renameChoice, updateChoice } from '../../../domain/edit/ops';
import { STANCES, STANCE_LABELS, isStance } from '../../../domain/stances';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import type { ChoiceInput } from './doc-types';
import { EffectsFields } from './effects-fields';
import { SelectField, TextField, optionalText } from './fields';
import { FlagPicker } from './flag-picker';
import { MarkerPicker } from './marker-picker';
import { NextPicker } from './next-picker';
import { RenameField } from './rename-field';

const STANCE_OPTIONS = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));

/** Focus an element by id after React has committed (used after reordering or deleting). */
export const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** One coach response of a moment: every field of the format, plus reorder, duplicate and delete. */
export function ChoiceEditor({ nodeId, index, count, choice }: { nodeId: string; index: number; count: number; choice: ChoiceInput }) {
  const { apply } = useEditor();
  const path = ['nodes', nodeId, 'choices', index] as const;
  const key = (field: string) => fieldId([...path, field]);
  const patch = (field: string, p: Partial<ChoiceInput>) => apply((d) => updateChoice(d, nodeId, index, p), { coalesceKey: key(field) });
  const n = index + 1;
  const drift = choice.stance !== 'partnering';
  const legendId = `${fieldId(path)}-legend`;
  const move = (to: number, dir: 'up' | 'down') => {
    apply((d) => moveChoice(d, nodeId, index, to), { announce: `Moved choice ${n} to position ${to + 1}.` });
    // The same button at the new position, or its sibling when that one is now disabled.
    const edge = (dir === 'up' && to === 0) || (dir === 'down' && to === count - 1);
    focusLater(`choice-${nodeId}-${to}-${edge ? (dir === 'up' ? 'down' : 'up') : dir}`);
  };

  return (
    <fieldset className={`choice-card stance-edge-${isStance(choice.stance) ? choice.stance : 'unknown'}`} aria-labelledby={legendId}>
      <legend id={legendId} tabIndex={-1}>
        Choice {n}
      </legend>
      <div className="choice-meta">
        {isStance(choice.stance) ? <span className={`stance-badge stance-${choice.stance}`}>{STANCE_LABELS[choice.stance]}</span> : null}
        <code>{choice.id}</code>
      </div>
      <TextField
        path={[...path, 'text']}
        label="Response text"
        multiline
        rows={2}
        value={choice.text ?? ''}
        onChange={(v) => patch('text', { text: v })}
      />
      <div className="field-row">
        <SelectField
          path={[...path, 'stance']}
          label="Stance"
          value={choice.stance}
          options={STANCE_OPTIONS}
          onChange={(v) => patch('stance', { stance: v as ChoiceInput['stance'] })}
        />
        <NextPicker
          path={[...path, 'next']}
          value={choice.next ?? ''}
          selfId={nodeId}
          link={{ nodeId, choiceIndex: index }}
          onChange={(v) => apply((d) => updateChoice(d, nodeId, index, { next: v }))}
        />
      </div>
      <TextField
        path={[...path, 'feedback']}
        label="Feedback"
        multiline
        hint="Why this move helps or drifts. Describe the move, never the person."
        value={choice.feedback ?? ''}
        onChange={(v) => patch('feedback', { feedback: optionalText(v) })}
      />
      <TextField
        path={[...path, 'reflect']}
        label="Reflective question"
        multiline
        rows={2}
        hint="Optional: a question for the trainee to think about."
        value={choice.reflect ?? ''}
        onChange={(v) => patch('reflect', { reflect: optionalText(v) })}
      />
      <TextField
        path={[...path, 'partneringAlternative']}
        label="Partnering alternative"
        multiline
        rows={2}
        hint={
          drift
            ? 'Required for this stance: one open question or reflection a partnering coach might use instead.'
            : 'Optional for a partnering response.'
        }
        value={choice.partneringAlternative ?? ''}
        onChange={(v) => patch('partneringAlternative', { partneringAlternative: optionalText(v) })}
      />
      <EffectsFields
        path={[...path, 'effects']}
        value={choice.effects ?? {}}
        onChange={(effects) => apply((d) => updateChoice(d, nodeId, index, { effects }), { coalesceKey: key('effects') })}
      />
      <MarkerPicker
        path={[...path, 'markers']}
        value={choice.markers ?? []}
        stance={choice.stance}
        onChange={(markers) => apply((d) => updateChoice(d, nodeId, index, { markers }))}
      />
      <FlagPicker
        path={[...path, 'flags']}
        value={choice.flags ?? []}
        stance={choice.stance}
        onChange={(flags) => apply((d) => updateChoice(d, nodeId, index, { flags }))}
      />
      <RenameField
        id={key('id')}
        label="Choice id"
        hint="Stable id used in saved progress; lower-case words and hyphens. Press Enter to rename."
        current={choice.id ?? ''}
        rename={(to) => apply((d) => renameChoice(d, nodeId, index, to), { announce: `Renamed choice ${n} to ${to}.` })}
        // The card is keyed by its choice id, so it mounts anew: keep the focus where Enter left it.
        onRenamed={(_, via) => via === 'enter' && focusLater(key('id'))}
      />
      <div className="actions choice-actions">
        <button
          type="button"
          id={`choice-${nodeId}-${index}-up`}
          className="button secondary small"
          disabled={index === 0}
          aria-label={`Move choice ${n} up`}
          onClick={() => move(index - 1, 'up')}
        >
          Move up
        </button>
        <button
          type="button"
          id={`choice-${nodeId}-${index}-down`}
          className="button secondary small"
          disabled={index === count - 1}
          aria-label={`Move choice ${n} down`}
          onClick={() => move(index + 1, 'down')}
        >
          Move down
        </button>
        <button
          type="button"
          className="button secondary small"
          aria-label={`Duplicate choice ${n}`}
          onClick={() => {
            apply((d) => duplicateChoice(d, nodeId, index), { announce: `Duplicated choice ${n} as choice ${n + 1}.` });
            focusLater(`${fieldId([...path.slice(0, 3), index + 1])}-legend`);
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button danger small"
          aria-label={`Delete choice ${n}`}
          onClick={() => {
            apply((d) => deleteChoice(d, nodeId, index), { announce: `Deleted choice ${n}. Undo brings it back.` });
            focusLater(fieldId(['nodes', nodeId, 'choices']));
          }}
        >
          Delete
        </button>
      </div>
    </fieldset>
  );
}
