import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MapGraph } from './map-model';
import { requestLayout } from './layout-client';

export interface MapLayout {
  positions: Map<string, { x: number; y: number }>;
  engine: 'dagre' | 'layered';
}

export const MARK_LAYOUT_START = 'branch-map:layout-start';
export const MARK_LAYOUT_DONE = 'branch-map:layout-done';
export const MARK_FIRST_PAINT = 'branch-map:first-paint';

const mark = (name: string) => {
  try {
    performance.mark(name);
  } catch {
    /* marks are best effort */
  }
};

/**
 * Positions for the graph, computed off the main thread. Re-runs only when the structure
 * (ids, links, start) changes; text edits keep the current layout. While a new layout is
 * on its way the previous one stays on screen.
 */
export function useMapLayout(graph: MapGraph): MapLayout | null {
  const [layout, setLayout] = useState<MapLayout | null>(null);
  const latest = useRef(graph);
  useLayoutEffect(() => {
    latest.current = graph;
  });
  const key = graph.structureKey;
  useEffect(() => {
    let cancelled = false;
    const g = latest.current;
    const ids = g.nodes.map((n) => n.id);
    mark(MARK_LAYOUT_START);
    requestLayout({ ids, links: g.edges.map((e) => [e.source, e.target]), ...(g.startId ? { startId: g.startId } : {}) })
      .then((result) => {
        if (cancelled) return;
        mark(MARK_LAYOUT_DONE);
        const positions = new Map<string, { x: number; y: number }>();
        ids.forEach((id, i) => positions.set(id, { x: result.xs[i] ?? 0, y: result.ys[i] ?? 0 }));
        setLayout({ positions, engine: result.engine });
      })
      .catch(() => {
        // Never leave the map blank: without a layout, nodes get provisional positions.
        if (!cancelled) setLayout({ positions: new Map(), engine: 'layered' });
      });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return layout;
}
