import { useSyncExternalStore } from 'react';
import type { Viewport } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-constants';
import type { MapFlowNode } from './flow-elements';

/**
 * Maps of up to this many boxes are mounted whole, as Twine mounts every passage: a pan then never
 * mounts anything, and its longest frame matched Twine's (bench:twine, 200 nodes, 3 alternating
 * runs: 17 ms, against 50 ms culled to the view). Mounting everything costs more as maps grow: at
 * 500 nodes the map took 1,431 ms to appear against 830 ms culled, and a key 53 ms to paint against
 * 28 (bench-studio, 3 runs; at 200 nodes 867 against 889 ms and 32 against 24 ms), so bigger maps
 * cull to the view and STAGE_MARGIN around it.
 */
export const MOUNT_ALL_MAX = 250;

/**
 * React Flow's root overhangs the visible canvas by this much on each side (px; map-canvas.tsx),
 * so that on maps too big to mount whole, onlyRenderVisibleElements, which culls to the root,
 * mounts the boxes and edges just outside the view before a pan brings them in. Their first
 * raster then happens off screen instead of in the frame that shows them: in a throwaway trace of
 * the 200-node bench:twine drag (culled), frames over 25 ms fell from 4-7 a drag to 0-2. A drag
 * outrunning STAGE_MARGIN px per PAN_COMMIT_MS (3,200 px/s) shows boxes mounting at the edge.
 */
export const STAGE_MARGIN = 320;

/** A viewport of the visible canvas as React Flow's (root) viewport, and back. */
export const toStage = (vp: Viewport): Viewport => ({ x: vp.x + STAGE_MARGIN, y: vp.y + STAGE_MARGIN, zoom: vp.zoom });
export const fromStage = (vp: Viewport): Viewport => ({ x: vp.x - STAGE_MARGIN, y: vp.y - STAGE_MARGIN, zoom: vp.zoom });

const MIN_READABLE_ZOOM = 0.5;
const START_ZOOM = 0.6;
export const PADDING = 24;

export interface MapRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle around every box (flow coordinates); undefined for an empty map. */
export function mapBounds(nodes: readonly MapFlowNode[]): MapRect | undefined {
  if (nodes.length === 0) return undefined;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + NODE_WIDTH);
    maxY = Math.max(maxY, n.position.y + NODE_HEIGHT);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The first view of the map: the whole map when it fits at a readable zoom, otherwise the
 * start node at the top centre at a readable zoom (the minimap and Fit show the rest).
 * Starting close in also keeps the first frame cheap on big maps.
 */
export function initialViewport(nodes: readonly MapFlowNode[], startId: string | undefined, width: number, height: number): Viewport {
  const w = width || 800;
  const h = height || 500;
  const bounds = mapBounds(nodes);
  if (!bounds) return { x: w / 2, y: h / 2, zoom: 1 };
  const { x: minX, y: minY } = bounds;
  const maxX = minX + bounds.width;
  const maxY = minY + bounds.height;
  const fit = Math.min((w - 2 * PADDING) / (maxX - minX), (h - 2 * PADDING) / (maxY - minY), 1);
  if (fit >= MIN_READABLE_ZOOM) {
    return { x: (w - (maxX - minX) * fit) / 2 - minX * fit, y: (h - (maxY - minY) * fit) / 2 - minY * fit, zoom: fit };
  }
  // Too big to fit legibly: the top of the map, as many boxes as the 'near' band allows. 0.6
  // shows about twice the boxes of the former 0.9 (the-glue at 1280x800: 7 boxes, was 3).
  const start = nodes.find((n) => n.id === startId) ?? nodes[0]!;
  const zoom = Math.min(START_ZOOM, Math.max(MIN_READABLE_ZOOM, w / 620));
  return { x: w / 2 - (start.position.x + NODE_WIDTH / 2) * zoom, y: PADDING - start.position.y * zoom, zoom };
}

/** Whether the centre of a node box is inside the visible canvas. */
export function isCentreVisible(p: { x: number; y: number }, vp: Viewport, width: number, height: number): boolean {
  const cx = (p.x + NODE_WIDTH / 2) * vp.zoom + vp.x;
  const cy = (p.y + NODE_HEIGHT / 2) * vp.zoom + vp.y;
  return cx >= 0 && cy >= 0 && cx <= width && cy <= height;
}

/** Level of detail by zoom: far hides box text and edge labels (CSS), mid hides the client line. */
export const zoomBand = (zoom: number): 'near' | 'mid' | 'far' => (zoom >= 0.55 ? 'near' : zoom >= 0.3 ? 'mid' : 'far');

export const miniMapClass = (node: MapFlowNode): string =>
  `bm-mini bm-mini-${node.data.info.kind}${node.data.info.outcome ? ` bm-mini-${node.data.info.outcome}` : ''}`;

const QUERY = '(prefers-reduced-motion: reduce)';
const subscribe = (cb: () => void) => {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
const snapshot = () => typeof window !== 'undefined' && !!window.matchMedia?.(QUERY).matches;

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
