import { useEditor } from '../editor-context';
import { NodeInspector } from './node-inspector';
import { ScenarioPanel } from './scenario-panel';

/** The middle pane: the selected node, or the scenario's settings when nothing is selected. */
export function Inspector() {
  const { doc, selectedId } = useEditor();
  return selectedId && Object.hasOwn(doc.nodes, selectedId) ? <NodeInspector nodeId={selectedId} /> : <ScenarioPanel />;
}
