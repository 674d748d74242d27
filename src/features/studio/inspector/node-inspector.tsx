import { deleteNode, setNodeKind, updateMeta } from '../../../domain/edit/ops';
import { useEditor } from '../editor-context';
import { KIND_LABELS, type NodeKind } from './doc-types';
import { EndingFields } from './ending-fields';
import { SelectField } from './fields';
import { MomentFields } from './moment-fields';
import { NodeIdField } from './node-id-field';
import { PlayFromHere } from './play-from-here';
import { RouteFields } from './route-fields';

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as NodeKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }));

/** The inspector for one node: id, kind, the fields of its kind, and play from here. */
export function NodeInspector({ nodeId }: { nodeId: string }) {
  const { doc, apply, select } = useEditor();
  const node = doc.nodes[nodeId];
  if (!node) return null;
  const isStart = doc.start === nodeId;
  return (
    <section className="node-inspector" aria-labelledby="inspector-heading">
      <div className="inspector-head">
        <h2 id="inspector-heading" tabIndex={-1}>
          <span className="eyebrow">
            {KIND_LABELS[node.kind] ?? node.kind}
            {isStart ? ' · start' : ''}
          </span>
          <span className="node-title">{nodeId}</span>
        </h2>
        <button type="button" className="button secondary small" onClick={() => select(undefined, { focus: true })}>
          Scenario settings
        </button>
      </div>
      <div className="field-row">
        <NodeIdField nodeId={nodeId} />
        <SelectField
          path={['nodes', nodeId, 'kind']}
          label="Kind"
          hint="Changing the kind keeps the client line where both kinds have one."
          value={node.kind}
          options={KIND_OPTIONS}
          onChange={(v) =>
            apply((d) => setNodeKind(d, nodeId, v as NodeKind), {
              announce: `${nodeId} is now a ${KIND_LABELS[v as NodeKind].toLowerCase()}. Undo restores it.`,
            })
          }
        />
      </div>
      {node.kind === 'moment' ? <MomentFields nodeId={nodeId} node={node} /> : null}
      {node.kind === 'route' ? <RouteFields nodeId={nodeId} node={node} /> : null}
      {node.kind === 'ending' ? <EndingFields nodeId={nodeId} node={node} /> : null}
      <PlayFromHere nodeId={nodeId} />
      <div className="actions node-actions">
        <button
          type="button"
          className="button secondary"
          disabled={isStart}
          onClick={() => apply((d) => updateMeta(d, { start: nodeId }), { announce: `${nodeId} is now the start node.` })}
        >
          {isStart ? 'This is the start node' : 'Make this the start node'}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            apply((d) => deleteNode(d, nodeId), {
              announce: `Deleted ${nodeId}. Links to it are now empty; undo brings it back.`,
              label: `delete ${nodeId}`,
            });
            select(undefined, { focus: true });
          }}
        >
          Delete node
        </button>
      </div>
    </section>
  );
}
