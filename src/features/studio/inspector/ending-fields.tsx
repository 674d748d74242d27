import { updateNode } from '../../../domain/edit/ops';
import { OUTCOMES, OUTCOME_LABELS } from '../../../domain/kinds';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import type { EndingInput } from './doc-types';
import { SelectField, TextField } from './fields';

const OUTCOME_OPTIONS = OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));

export function EndingFields({ nodeId, node }: { nodeId: string; node: EndingInput }) {
  const { apply } = useEditor();
  const base = ['nodes', nodeId] as const;
  const text = (field: 'client' | 'summary') => (v: string) =>
    apply((d) => updateNode(d, nodeId, { [field]: v }), { coalesceKey: fieldId([...base, field]) });
  return (
    <>
      <SelectField
        path={[...base, 'outcome']}
        label="Outcome"
        value={node.outcome ?? ''}
        options={node.outcome ? OUTCOME_OPTIONS : [{ value: '', label: 'Choose an outcome…' }, ...OUTCOME_OPTIONS]}
        onChange={(v) => apply((d) => updateNode(d, nodeId, { outcome: v as EndingInput['outcome'] }))}
      />
      <TextField
        path={[...base, 'client']}
        label="Client line"
        multiline
        rows={4}
        hint="The client's last words in the conversation."
        value={node.client ?? ''}
        onChange={text('client')}
      />
      <TextField
        path={[...base, 'summary']}
        label="Ending summary"
        multiline
        rows={3}
        hint="What happened, shown in the debrief."
        value={node.summary ?? ''}
        onChange={text('summary')}
      />
    </>
  );
}
