export interface Placed {
  id: string;
  x: number;
  y: number;
}

const SAME_ROW = 1;

/**
 * Spatial keyboard navigation over the laid-out map: Up/Down go to the nearest node in the
 * row above/below, Left/Right to the neighbour in the same row, Home/End to the first/last
 * node. Every node can be reached this way, connected or not. Returns undefined when there
 * is nowhere to go (or the key is not a navigation key).
 */
export function nextNodeId(nodes: readonly Placed[], currentId: string | undefined, key: string): string | undefined {
  if (nodes.length === 0) return undefined;
  if (key === 'Home') return nodes[0]!.id;
  if (key === 'End') return nodes[nodes.length - 1]!.id;
  const cur = nodes.find((n) => n.id === currentId);
  if (!cur) return ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(key) ? nodes[0]!.id : undefined;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    // The row in x order (ties in document order), so even overlapping boxes are reachable.
    const row = nodes.map((n, i) => ({ n, i })).filter(({ n }) => Math.abs(n.y - cur.y) <= SAME_ROW);
    row.sort((a, b) => a.n.x - b.n.x || a.i - b.i);
    const at = row.findIndex(({ n }) => n === cur);
    return row[at + (key === 'ArrowRight' ? 1 : -1)]?.n.id;
  }
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const dir = key === 'ArrowDown' ? 1 : -1;
    let rowY: number | undefined;
    for (const n of nodes) {
      const dy = (n.y - cur.y) * dir;
      if (dy > SAME_ROW && (rowY === undefined || dy < (rowY - cur.y) * dir)) rowY = n.y;
    }
    if (rowY === undefined) return undefined;
    let best: Placed | undefined;
    for (const n of nodes) {
      if (Math.abs(n.y - rowY) > SAME_ROW) continue;
      if (!best || Math.abs(n.x - cur.x) < Math.abs(best.x - cur.x)) best = n;
    }
    return best?.id;
  }
  return undefined;
}
