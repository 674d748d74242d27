import { memo, type CSSProperties } from 'react';
import { ControlButton, Controls, ReactFlow, type NodeMouseHandler, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { MapNode } from './map-node';
import { ArrowMarkers, MapEdge, MarkerPrefixContext } from './map-edge';
import { MOUNT_ALL_MAX, PADDING, STAGE_MARGIN } from './map-view';
import { MapMiniMap } from './map-minimap';
import type { MapFlowEdge, MapFlowNode } from './flow-elements';

const nodeTypes = { branch: MapNode };
const edgeTypes = { branch: MapEdge };
const NO_MOUSE_PAN: number[] = [];
/** React Flow's root overhangs the canvas (see STAGE_MARGIN); the CSS puts the panels back inside. */
const STAGE_STYLE = { inset: -STAGE_MARGIN, '--bm-stage-margin': `${STAGE_MARGIN}px` } as CSSProperties;
/** Fit: the whole map inside the visible canvas, PADDING px from its edges. */
const FIT_PADDING = `${STAGE_MARGIN + PADDING}px` as const;
const A11Y_HINT = 'Arrow keys move between boxes; Enter selects.';
const ARIA_CONFIG = {
  'controls.ariaLabel': 'Map controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole map in view',
  'node.a11yDescription.default': A11Y_HINT,
  'node.a11yDescription.keyboardDisabled': A11Y_HINT,
};

export interface MapCanvasProps {
  flowId: string;
  hintId: string;
  nodes: MapFlowNode[];
  edges: MapFlowEdge[];
  startViewport: Viewport;
  reducedMotion: boolean;
  onInit: (rf: ReactFlowInstance<MapFlowNode, MapFlowEdge>) => void;
  onMove: (event: unknown, viewport: Viewport) => void;
  onNodeClick: NodeMouseHandler<MapFlowNode>;
  onGoToStart: () => void;
}

/**
 * The React Flow canvas. Memoised with stable props: selection and problem counts reach the
 * boxes through the map store, so selecting a node never re-renders this tree.
 */
function MapCanvasView(p: MapCanvasProps) {
  return (
    <MarkerPrefixContext.Provider value={p.flowId}>
      <ArrowMarkers prefix={p.flowId} />
      <div className="bm-stage" style={STAGE_STYLE}>
        <ReactFlow<MapFlowNode, MapFlowEdge>
          id={p.flowId}
          aria-label="Map canvas"
          aria-describedby={p.hintId}
          nodes={p.nodes}
          edges={p.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultViewport={p.startViewport}
          onInit={p.onInit}
          onMove={p.onMove}
          onNodeClick={p.onNodeClick}
          onlyRenderVisibleElements={p.nodes.length > MOUNT_ALL_MAX}
          // A mouse or pen drag on empty canvas pans through BranchMap's pointer handlers (see
          // there). An empty button list leaves React Flow touch drags and pinches only; the wheel,
          // the minimap and the controls also still move the view through React Flow. No pan key:
          // Space is for selecting a focused box, and would start React Flow's pan as well.
          panOnDrag={NO_MOUSE_PAN}
          panActivationKeyCode={null}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable
          autoPanOnNodeFocus={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomOnDoubleClick={false}
          minZoom={0.04}
          maxZoom={2}
          ariaLabelConfig={ARIA_CONFIG}
        >
          <Controls showInteractive={false} fitViewOptions={{ padding: FIT_PADDING, duration: p.reducedMotion ? 0 : 300 }}>
            <ControlButton onClick={p.onGoToStart} aria-label="Go to the start node" title="Go to the start node">
              <span aria-hidden="true" className="bm-start-icon">
                S
              </span>
            </ControlButton>
          </Controls>
          <MapMiniMap nodes={p.nodes} ariaLabel="Overview of the whole map" className="bm-minimap" />
        </ReactFlow>
      </div>
    </MarkerPrefixContext.Provider>
  );
}

export const MapCanvas = memo(MapCanvasView);
