import { memo } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  type NodeMouseHandler,
  type ReactFlowInstance,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { MapNode } from './map-node';
import { ArrowMarkers, MapEdge, MarkerPrefixContext } from './map-edge';
import { miniMapClass } from './map-view';
import type { MapFlowEdge, MapFlowNode } from './flow-elements';

const nodeTypes = { branch: MapNode };
const edgeTypes = { branch: MapEdge };
/** Spacing of the background grid (px at zoom 1); branch-map.tsx moves the grid while panning. */
export const GRID_GAP = 24;
const NO_MOUSE_PAN: number[] = [];
const A11Y_HINT = 'Arrow keys move between boxes; Enter selects.';
const ARIA_CONFIG = {
  'controls.ariaLabel': 'Map controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole map in view',
  'minimap.ariaLabel': 'Overview of the whole map',
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
        onlyRenderVisibleElements
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
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        minZoom={0.04}
        maxZoom={2}
        ariaLabelConfig={ARIA_CONFIG}
      >
        <Background gap={GRID_GAP} />
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.08, duration: p.reducedMotion ? 0 : 300 }}>
          <ControlButton onClick={p.onGoToStart} aria-label="Go to the start node" title="Go to the start node">
            <span aria-hidden="true" className="bm-start-icon">
              S
            </span>
          </ControlButton>
        </Controls>
        <MiniMap pannable zoomable ariaLabel="Overview of the whole map" nodeClassName={miniMapClass} className="bm-minimap" />
      </ReactFlow>
    </MarkerPrefixContext.Provider>
  );
}

export const MapCanvas = memo(MapCanvasView);
