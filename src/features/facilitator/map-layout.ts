import dagre from '@dagrejs/dagre';
import type { Outcome } from '../../domain/kinds';
import type { Scenario } from '../../domain/schema';
import type { Stance } from '../../domain/stances';
import type { NodeRef } from './facilitator-model';

export const NODE_W = 196;
export const NODE_H = 42;

const PARALLEL_GAP = 6;

/** Shift a polyline sideways (perpendicular to its overall direction). */
function offset(points: readonly Point[], by: number): Point[] {
  if (!by || points.length < 2) return [...points];
  const a = points[0]!;
  const b = points[points.length - 1]!;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = -(b.y - a.y) / len;
  const ny = (b.x - a.x) / len;
  return points.map((p) => ({ x: p.x + nx * by, y: p.y + ny * by }));
}

interface Point {
  readonly x: number;
  readonly y: number;
}

export interface MapNode {
  readonly id: string;
  readonly kind: 'moment' | 'route' | 'ending';
  readonly label: string;
  readonly outcome?: Outcome;
  readonly start: boolean;
  readonly x: number;
  readonly y: number;
}

export interface MapEdge {
  readonly key: string;
  /** Undefined for a route's automatic branch. */
  readonly stance?: Stance;
  readonly points: readonly Point[];
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

/** Lay the scenario graph out top to bottom with dagre (synchronous; scenarios are small). */
export function layoutMap(scenario: Scenario, refs: readonly NodeRef[]): MapLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 32, edgesep: 12, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const ref of refs) g.setNode(ref.id, { width: NODE_W, height: NODE_H });
  // Responses that lead to the same place share one laid-out edge, drawn as parallel lines.
  const bundles = new Map<string, { v: string; w: string; items: { key: string; stance?: Stance }[] }>();
  for (const { node, id } of refs) {
    const out: { key: string; next: string; stance?: Stance }[] =
      node.kind === 'moment'
        ? node.choices.map((c) => ({ key: `${id}/${c.id}`, next: c.next, stance: c.stance }))
        : node.kind === 'route'
          ? node.routes.map((r, i) => ({ key: `${id}/route-${i}`, next: r.next }))
          : [];
    for (const e of out) {
      if (!g.hasNode(e.next)) continue;
      const pair = `${id}\u0000${e.next}`;
      const bundle = bundles.get(pair) ?? { v: id, w: e.next, items: [] };
      bundle.items.push({ key: e.key, stance: e.stance });
      bundles.set(pair, bundle);
    }
  }
  for (const b of bundles.values()) g.setEdge(b.v, b.w, { weight: b.items.length });
  dagre.layout(g);
  const byId = new Map(refs.map((r) => [r.id, r]));
  const nodes: MapNode[] = g.nodes().map((id) => {
    const n = g.node(id);
    const ref = byId.get(id)!;
    return {
      id,
      kind: ref.node.kind,
      label: ref.label,
      outcome: ref.node.kind === 'ending' ? ref.node.outcome : undefined,
      start: id === scenario.start,
      x: n.x ?? 0,
      y: n.y ?? 0,
    };
  });
  const edges: MapEdge[] = [...bundles.values()].flatMap((b) => {
    const points = g.edge(b.v, b.w)?.points ?? [];
    const uniq = [...new Set(b.items.map((i) => i.stance ?? 'route'))];
    // One line per distinct stance, side by side.
    return uniq.map((k, i) => ({
      key: `${b.v}->${b.w}:${k}`,
      stance: b.items.find((it) => (it.stance ?? 'route') === k)?.stance,
      points: offset(points, (i - (uniq.length - 1) / 2) * PARALLEL_GAP),
    }));
  });
  const label = g.graph();
  return { width: label.width ?? 0, height: label.height ?? 0, nodes, edges };
}

/** A smooth SVG path through dagre's edge points. */
export function edgePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first!.x},${first!.y}`;
  if (rest.length === 1) return `${d} L${rest[0]!.x},${rest[0]!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const c = rest[i]!;
    const n = rest[i + 1]!;
    const end = i === rest.length - 2 ? n : { x: (c.x + n.x) / 2, y: (c.y + n.y) / 2 };
    d += ` Q${c.x},${c.y} ${end.x},${end.y}`;
  }
  return d;
}
