import { addNode, type DraftDoc, type NodeKind } from '../../domain/edit/ops';
import { useEditor } from './editor-context';
import { fieldId } from './field-paths';
import { BranchMap } from '../../components/branch-map';

const ADD: readonly { kind: NodeKind; label: string }[] = [
  { kind: 'moment', label: 'Add moment' },
  { kind: 'route', label: 'Add route node' },
  { kind: 'ending', label: 'Add ending' },
];

/** Left pane: add nodes, and the branch map (which has its own list view). Choosing a node opens it in the inspector. */
export function MapPane(props: {
  doc: DraftDoc;
  problemsByNode: Record<string, number>;
  /** Wide screens: the side column (inspector and problems) can fold away to give the map the width. */
  side?: { open: boolean; toggle: () => void } | undefined;
}) {
  const { apply, select, selectedId, announce } = useEditor();
  const add = (kind: NodeKind) => {
    let created = '';
    const r = apply(
      (d) => {
        const out = addNode(d, kind);
        created = out.nodeId;
        return out.doc;
      },
      { label: () => `add ${kind} ${created}` },
    );
    if (r.ok && created) {
      select(created, { focus: true });
      announce(`Added ${kind} ${created}.`);
    }
  };
  return (
    <section className="map-pane" aria-labelledby="map-heading">
      <div className="pane-head map-head">
        <h2 id="map-heading">Map</h2>
        <button
          type="button"
          className="button secondary small"
          aria-current={selectedId ? undefined : 'true'}
          onClick={() => select(undefined, { focus: true })}
        >
          Scenario settings
        </button>
        <div className="actions add-nodes" role="group" aria-label="Add a node">
          {ADD.map(({ kind, label }) => (
            <button
              key={kind}
              type="button"
              className="button secondary small"
              id={kind === 'ending' ? fieldId(['nodes']) : undefined}
              onClick={() => add(kind)}
            >
              {label}
            </button>
          ))}
        </div>
        {props.side ? (
          <button
            type="button"
            className="button secondary small side-toggle"
            aria-expanded={props.side.open}
            aria-controls="pane-edit pane-problems"
            onClick={props.side.toggle}
          >
            {props.side.open ? 'Hide inspector' : 'Show inspector'}
          </button>
        ) : null}
      </div>
      <div className="map-slot">
        <BranchMap
          doc={props.doc}
          selectedId={selectedId}
          problemsByNode={props.problemsByNode}
          onSelect={(id) => select(id, { focus: true })}
          ariaLabel="Branch map of the draft"
        />
      </div>
    </section>
  );
}
