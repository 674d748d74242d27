import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-constants';
import { mapBounds, miniMapClass, STAGE_MARGIN, type MapRect } from './map-view';
import type { MapFlowNode } from './flow-elements';

/** Drawn size of the overview (px); CSS shrinks it on narrow canvases, the viewBox keeps the picture. */
const WIDTH = 200;
const HEIGHT = 150;
/** Room around the picture, in minimap pixels (as React Flow's MiniMap, offsetScale 5). */
const OFFSET = 5;

type Rect = MapRect;

/**
 * The part of the map the canvas shows, in flow coordinates. React Flow's root overhangs the
 * visible canvas by STAGE_MARGIN on each side (map-canvas.tsx), so its own MiniMap, which draws
 * the root's whole area, would frame a view about twice as large as the one on screen.
 */
const visibleRect = (s: ReactFlowState): Rect => {
  const [tx, ty, zoom] = s.transform;
  return {
    x: (STAGE_MARGIN - tx) / zoom,
    y: (STAGE_MARGIN - ty) / zoom,
    width: Math.max(0, s.width - 2 * STAGE_MARGIN) / zoom,
    height: Math.max(0, s.height - 2 * STAGE_MARGIN) / zoom,
  };
};
const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The boxes, drawn once per map (not per move of the view). */
const MiniNodes = memo(function MiniNodes({ nodes }: { nodes: readonly MapFlowNode[] }) {
  return nodes.map((n) => (
    <rect
      key={n.id}
      className={`react-flow__minimap-node ${miniMapClass(n)}`}
      x={n.position.x}
      y={n.position.y}
      width={NODE_WIDTH}
      height={NODE_HEIGHT}
      rx={5}
      ry={5}
    />
  ));
});

/**
 * Overview of the whole map with the part on screen framed: React Flow's MiniMap, redrawn for
 * the overhanging root. Dragging it pans the map and the wheel over it zooms, through React
 * Flow's own XYMinimap (the same d3 handlers its MiniMap uses).
 */
export function MapMiniMap({ nodes, ariaLabel, className }: { nodes: readonly MapFlowNode[]; ariaLabel: string; className?: string }) {
  const store = useStoreApi();
  const view = useStore(visibleRect, sameRect);
  const panZoom = useStore((s: ReactFlowState) => s.panZoom);
  const bounds = useMemo(() => mapBounds(nodes), [nodes]);
  const titleId = `${useId()}-minimap`;
  const svg = useRef<SVGSVGElement | null>(null);

  const box = bounds ? union(bounds, view) : view;
  const viewScale = Math.max(box.width / WIDTH, box.height / HEIGHT) || 1;
  const viewWidth = viewScale * WIDTH;
  const viewHeight = viewScale * HEIGHT;
  const offset = OFFSET * viewScale;
  const x = box.x - (viewWidth - box.width) / 2 - offset;
  const y = box.y - (viewHeight - box.height) / 2 - offset;
  const width = viewWidth + offset * 2;
  const height = viewHeight + offset * 2;
  const viewScaleRef = useRef(viewScale);
  useEffect(() => {
    viewScaleRef.current = viewScale;
  });

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const minimap: XYMinimapInstance = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => viewScaleRef.current,
    });
    const { translateExtent, width: flowWidth, height: flowHeight } = store.getState();
    minimap.update({ translateExtent, width: flowWidth, height: flowHeight, pannable: true, zoomable: true });
    return () => minimap.destroy();
  }, [panZoom, store]);

  return (
    <Panel position="bottom-right" className={`react-flow__minimap${className ? ` ${className}` : ''}`}>
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={titleId}
        ref={svg}
      >
        <title id={titleId}>{ariaLabel}</title>
        <MiniNodes nodes={nodes} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
