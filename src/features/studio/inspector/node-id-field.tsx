import { renameNode } from '../../../domain/edit/ops';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import { RenameField } from './rename-field';

/** The node's id; renaming makes every reference (start, choices, routes, drift notes) follow. */
export function NodeIdField({ nodeId }: { nodeId: string }) {
  const { apply, select } = useEditor();
  return (
    <RenameField
      id={fieldId(['nodes', nodeId])}
      label="Node id"
      hint="Lower-case words joined by hyphens. Press Enter to rename; links follow."
      current={nodeId}
      rename={(to) => apply((d) => renameNode(d, nodeId, to), { announce: `Renamed ${nodeId} to ${to}; links follow.` })}
      onRenamed={(to) => select(to)}
    />
  );
}
