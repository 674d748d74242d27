import { describe, expect, it } from 'vitest';
import { computeLayout, layeredLayout, NODE_HEIGHT } from './layout';
import { nextNodeId } from './keyboard-nav';
import { buildMapGraph } from './map-model';
import { syntheticDraft } from './synthetic-draft';
import { tinyScenario } from '../../testing/fixtures';

const input = (doc: unknown) => {
  const g = buildMapGraph(doc);
  return {
    ids: g.nodes.map((n) => n.id),
    links: g.edges.map((e) => [e.source, e.target] as [string, string]),
    ...(g.startId ? { startId: g.startId } : {}),
  };
};

describe('layout', () => {
  it('lays a small scenario out top-down with dagre, start on top', () => {
    const inp = input(tinyScenario());
    const r = computeLayout(inp);
    expect(r.engine).toBe('dagre');
    const y = (id: string) => r.ys[inp.ids.indexOf(id)]!;
    expect(y('opening')).toBeLessThan(y('middle'));
    expect(y('middle')).toBeLessThan(y('check'));
    expect(y('check')).toBeLessThan(y('rupture'));
  });

  it('lays 1,000 nodes out in layers quickly, every link pointing down except cycles', () => {
    const inp = input(syntheticDraft(1000));
    const r = computeLayout(inp);
    expect(r.engine).toBe('layered');
    expect(r.ms).toBeLessThan(500);
    const at = new Map(inp.ids.map((id, i) => [id, { x: r.xs[i]!, y: r.ys[i]! }]));
    const down = inp.links.filter(([s, t]) => at.get(t)!.y > at.get(s)!.y).length;
    expect(down).toBe(inp.links.length);
    const seen = new Set(inp.ids.map((id) => `${at.get(id)!.x},${at.get(id)!.y}`));
    expect(seen.size).toBe(inp.ids.length); // no two boxes on the same spot
  });

  it('survives cycles, self-links and links to unknown ids', () => {
    const r = layeredLayout({
      ids: ['a', 'b', 'c'],
      links: [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'c'],
        ['a', 'zzz'],
      ],
      startId: 'a',
    });
    expect(r.ys).toEqual([0, NODE_HEIGHT + 110, 0]);
  });
});

describe('keyboard navigation', () => {
  const nodes = [
    { id: 'top', x: 100, y: 0 },
    { id: 'left', x: 0, y: 100 },
    { id: 'right', x: 200, y: 100 },
    { id: 'bottom', x: 190, y: 200 },
  ];
  it('moves down/up by row to the nearest box and left/right within a row', () => {
    expect(nextNodeId(nodes, 'top', 'ArrowDown')).toBe('left');
    expect(nextNodeId(nodes, 'left', 'ArrowRight')).toBe('right');
    expect(nextNodeId(nodes, 'right', 'ArrowDown')).toBe('bottom');
    expect(nextNodeId(nodes, 'bottom', 'ArrowUp')).toBe('right');
    expect(nextNodeId(nodes, 'left', 'ArrowLeft')).toBeUndefined();
    expect(nextNodeId(nodes, 'bottom', 'ArrowDown')).toBeUndefined();
    expect(nextNodeId(nodes, 'right', 'Home')).toBe('top');
    expect(nextNodeId(nodes, 'top', 'End')).toBe('bottom');
    expect(nextNodeId(nodes, 'top', 'x')).toBeUndefined();
  });
  it('reaches boxes that overlap', () => {
    const stacked = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 0, y: 0 },
    ];
    expect(nextNodeId(stacked, 'a', 'ArrowRight')).toBe('b');
    expect(nextNodeId(stacked, 'b', 'ArrowLeft')).toBe('a');
  });
});
