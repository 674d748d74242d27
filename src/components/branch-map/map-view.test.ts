import { describe, expect, it } from 'vitest';
import { initialViewport } from './map-view';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-constants';
import type { MapFlowNode } from './flow-elements';

const placed = (xs: readonly [number, number][]) => xs.map(([x, y], i) => ({ id: `n${i}`, position: { x, y } }) as MapFlowNode);
/** How many boxes lie wholly inside a width x height canvas at this viewport. */
const inside = (nodes: MapFlowNode[], vp: { x: number; y: number; zoom: number }, w: number, h: number) =>
  nodes.filter(({ position: p }) => {
    const l = p.x * vp.zoom + vp.x,
      t = p.y * vp.zoom + vp.y;
    return l >= 0 && t >= 0 && l + NODE_WIDTH * vp.zoom <= w && t + NODE_HEIGHT * vp.zoom <= h;
  }).length;

describe('initialViewport', () => {
  it('fits a small map whole', () => {
    const nodes = placed([
      [0, 0],
      [300, 0],
      [0, 200],
      [300, 200],
    ]);
    const vp = initialViewport(nodes, 'n0', 870, 560);
    expect(inside(nodes, vp, 870, 560)).toBe(4);
  });

  it('opens a long chain at its start, showing more than three boxes of it on a wide editor', () => {
    const chain = placed(Array.from({ length: 20 }, (_, i) => [0, i * 206] as [number, number]));
    const vp = initialViewport(chain, 'n0', 870, 560);
    expect(inside(chain, vp, 870, 560)).toBeGreaterThanOrEqual(4);
    expect(chain[0]!.position.y * vp.zoom + vp.y).toBeGreaterThanOrEqual(0); // the start is on screen
    expect(vp.zoom).toBeGreaterThanOrEqual(0.5); // still the legible band
  });
});
