import { own } from '../../../domain/own';
import { updateMeta, type DraftDoc } from '../../../domain/edit/ops';
import { COMPETENCIES } from '../../../domain/reference';
import { DRIFT_STANCES, STANCE_LABELS } from '../../../domain/stances';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import { KIND_LABELS } from './doc-types';
import { FacilitatorFields } from './facilitator-fields';
import { GroupProblems, NumberField, SelectField, TextField } from './fields';
import { MetersFields } from './meters-fields';

type Client = DraftDoc['client'];

/** Scenario metadata, client, meters, competencies and the facilitator guide. */
export function ScenarioPanel() {
  const { doc, apply } = useEditor();
  const meta = (key: string, patch: Parameters<typeof updateMeta>[1]) =>
    apply((d) => updateMeta(d, patch), { coalesceKey: fieldId([key]) });
  const client = (field: keyof Client) => (v: string) =>
    apply((d) => updateMeta(d, { client: { ...d.client, [field]: v } }), { coalesceKey: fieldId(['client', field]) });
  const nodeOptions = Object.keys(doc.nodes).map((id) => ({ value: id, label: `${id} (${KIND_LABELS[doc.nodes[id]!.kind]})` }));
  const competencies = doc.competencies ?? [];

  return (
    <section className="scenario-panel" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" tabIndex={-1}>
        <span className="eyebrow">Scenario settings</span>
        <span className="node-title">{doc.title || 'Untitled scenario'}</span>
      </h2>
      <TextField path={['title']} label="Scenario title" value={doc.title ?? ''} onChange={(v) => meta('title', { title: v })} />
      <TextField
        path={['id']}
        label="Scenario id"
        hint="Lower-case words and hyphens; the exported file is named after it."
        value={doc.id ?? ''}
        onChange={(v) => meta('id', { id: v })}
      />
      <TextField
        path={['summary']}
        label="Summary"
        multiline
        rows={3}
        hint="One or two sentences shown on the library card."
        value={doc.summary ?? ''}
        onChange={(v) => meta('summary', { summary: v })}
      />
      <div className="field-row">
        <NumberField
          path={['estimatedMinutes']}
          label="Estimated minutes"
          min={1}
          max={240}
          value={doc.estimatedMinutes}
          onChange={(n) =>
            meta('estimatedMinutes', { estimatedMinutes: n === undefined ? undefined : Math.round(n) } as Parameters<typeof updateMeta>[1])
          }
        />
        <SelectField
          path={['start']}
          label="Start node"
          value={doc.start ?? ''}
          options={
            doc.start && own(doc.nodes, doc.start)
              ? nodeOptions
              : [{ value: doc.start ?? '', label: doc.start ? `${doc.start} (missing)` : 'Choose a node…' }, ...nodeOptions]
          }
          onChange={(v) => apply((d) => updateMeta(d, { start: v }))}
        />
      </div>
      <SelectField
        path={['temptation']}
        label="Temptation"
        hint="The drift this client most invites, named in the briefing."
        value={doc.temptation ?? ''}
        options={[{ value: '', label: 'None' }, ...DRIFT_STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))]}
        onChange={(v) => apply((d) => updateMeta(d, { temptation: (v || undefined) as DraftDoc['temptation'] }))}
      />

      <h3>Client</h3>
      <TextField path={['client', 'name']} label="Client name" value={doc.client?.name ?? ''} onChange={client('name')} />
      <TextField path={['client', 'role']} label="Client role" value={doc.client?.role ?? ''} onChange={client('role')} />
      <TextField
        path={['client', 'background']}
        label="Background"
        multiline
        rows={5}
        hint="The briefing the trainee reads before the session."
        value={doc.client?.background ?? ''}
        onChange={client('background')}
      />

      <MetersFields />

      <fieldset className="competencies">
        <legend>ICF competencies practised</legend>
        <GroupProblems path={['competencies']} />
        {COMPETENCIES.map((c, i) => (
          <label className="check" key={c.number}>
            <input
              type="checkbox"
              id={i === 0 ? fieldId(['competencies']) : undefined}
              checked={competencies.includes(c.number)}
              onChange={(e) =>
                apply((d) =>
                  updateMeta(d, {
                    competencies: e.target.checked
                      ? [...(d.competencies ?? []), c.number].sort((a, b) => a - b)
                      : (d.competencies ?? []).filter((n) => n !== c.number),
                  }),
                )
              }
            />
            <span>
              {c.number}. {c.name}
            </span>
          </label>
        ))}
      </fieldset>

      <FacilitatorFields />
    </section>
  );
}
