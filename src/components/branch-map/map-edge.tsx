import { ArrowMarkerDefs } from '../arrow-markers';
import { createContext, memo, useContext } from 'react';
import type { EdgeProps } from '@xyflow/react';
import type { MapFlowEdge } from './flow-elements';

/** Id prefix of the arrow markers the map defines once (see ArrowMarkers). */
export const MarkerPrefixContext = createContext('bm');

export const EDGE_TONES = ['partnering', 'directing', 'rescuing', 'colluding', 'avoiding', 'route', 'unknown'] as const;
const PARALLEL_SPACING = 70;
const MAX_LABEL = 30;

interface Geometry {
  path: string;
  labelX: number;
  labelY: number;
}

const cubic = (a: number, b: number, c: number, d: number, t: number): number =>
  (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;

/**
 * A cubic curve from the bottom of the source to the top of the target. Edges that share
 * both ends fan out (`offset`) and put their labels at staggered heights (`labelT`) so the
 * labels do not sit on top of each other.
 */
export function edgeGeometry(sx: number, sy: number, tx: number, ty: number, offset: number, selfLoop: boolean, labelT = 0.5): Geometry {
  if (selfLoop) {
    const c1x = sx + 170 + offset;
    return { path: `M${sx},${sy} C${c1x},${sy + 90} ${c1x},${ty - 90} ${tx},${ty}`, labelX: sx + 128 + offset, labelY: (sy + ty) / 2 };
  }
  const x0 = sx + offset * 0.35;
  const x3 = tx + offset * 0.35;
  const forward = ty > sy + 10;
  const k = forward ? Math.max(40, (ty - sy) / 2) : 140;
  const p1x = x0 + offset;
  const p1y = sy + k;
  const p2x = x3 + offset;
  const p2y = ty - k;
  return {
    path: `M${x0},${sy} C${p1x},${p1y} ${p2x},${p2y} ${x3},${ty}`,
    labelX: cubic(x0, p1x, p2x, x3, labelT),
    labelY: cubic(sy, p1y, p2y, ty, labelT),
  };
}

function MapEdgeView({ source, target, sourceX, sourceY, targetX, targetY, data }: EdgeProps<MapFlowEdge>) {
  const prefix = useContext(MarkerPrefixContext);
  if (!data) return null;
  const { info } = data;
  const tone = info.type === 'route' ? 'route' : (info.stance ?? 'unknown');
  const offset = (info.parallelIndex - (info.parallelCount - 1) / 2) * PARALLEL_SPACING;
  // Parallel edges stagger their labels; route labels sit nearer their target, where a route
  // node's branches have spread apart (at the source they would overlap).
  const spread = info.parallelCount > 1 ? (info.parallelIndex / (info.parallelCount - 1) - 0.5) * 0.4 : info.type === 'route' ? 0.22 : 0;
  const { path, labelX, labelY } = edgeGeometry(sourceX, sourceY, targetX, targetY, offset, source === target, 0.5 + spread);
  const label = info.label.length > MAX_LABEL ? `${info.label.slice(0, MAX_LABEL - 1)}…` : info.label;
  return (
    <g className={`bm-edge bm-edge-${tone}${info.heat !== undefined ? ` bm-heat bm-heat-${info.heat}` : ''}`}>
      <path d={path} className="bm-edge-path" fill="none" markerEnd={`url(#${prefix}-arrow-${tone})`} />
      <text x={labelX} y={labelY} className="bm-edge-label" textAnchor="middle" dominantBaseline="central">
        {label}
        {label !== info.description && <title>{info.description}</title>}
      </text>
    </g>
  );
}

export const MapEdge = memo(MapEdgeView);

/** One arrowhead per tone, coloured with the stance tokens from global.css. */
export function ArrowMarkers({ prefix }: { prefix: string }) {
  return (
    <svg className="bm-markers" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        <ArrowMarkerDefs idPrefix={prefix} kinds={EDGE_TONES} size={14} pathClass={(tone) => `bm-arrow bm-arrow-${tone}`} />
      </defs>
    </svg>
  );
}
