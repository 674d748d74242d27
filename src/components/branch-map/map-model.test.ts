import { describe, expect, it } from 'vitest';
import { buildMapGraph, createMapModelCache, firstWords, kindText, GHOST_PREFIX } from './map-model';
import { setMeter, updateNode, type DraftDoc, type MomentInput } from '../../domain/edit/ops';
import { buildFlowElements, createFlowCache, nodeAriaLabel } from './flow-elements';
import { tinyScenario } from '../../testing/fixtures';
import { syntheticDraft } from './synthetic-draft';

describe('buildMapGraph', () => {
  it('draws a box per node and an edge per choice and route', () => {
    const g = buildMapGraph(tinyScenario());
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['opening', 'moment'],
      ['middle', 'moment'],
      ['check', 'route'],
      ['breakthrough', 'ending'],
      ['stalled', 'ending'],
      ['rupture', 'ending'],
    ]);
    expect(g.edges).toHaveLength(3 + 2 + 3);
    expect(g.startId).toBe('opening');
    expect(g.nodes[0]).toMatchObject({ isStart: true, snippet: 'I keep saying yes to everything.' });
  });

  it('labels choice edges with their number and stance, route edges with their condition', () => {
    const g = buildMapGraph(tinyScenario());
    const fromOpening = g.edges.filter((e) => e.source === 'opening');
    expect(fromOpening.map((e) => [e.label, e.stance])).toEqual([
      ['1. Partnering', 'partnering'],
      ['2. Directing', 'directing'],
      ['3. Rescuing', 'rescuing'],
    ]);
    expect(fromOpening[0]!.description).toBe('Choice 1, Partnering: What would you like from today?');
    expect(g.edges.filter((e) => e.source === 'check').map((e) => e.label)).toEqual(['Ownership ≥ 60', 'Trust < 50', 'otherwise']);
  });

  it('fans out edges that share both ends', () => {
    const g = buildMapGraph(tinyScenario());
    expect(g.edges.filter((e) => e.source === 'opening').map((e) => [e.parallelIndex, e.parallelCount])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it('names endings by outcome and routes by branch count', () => {
    const g = buildMapGraph(tinyScenario());
    expect(kindText(g.nodes.find((n) => n.id === 'rupture')!)).toBe('Ending · Rupture');
    expect(g.nodes.find((n) => n.id === 'check')!.snippet).toBe('3 branches');
  });

  it('keeps the structure key on text edits and changes it when links change', () => {
    const doc = tinyScenario();
    const key = buildMapGraph(doc).structureKey;
    const edited = structuredClone(doc);
    (edited.nodes.opening as { client: string }).client = 'Something else entirely';
    expect(buildMapGraph(edited).structureKey).toBe(key);
    (edited.nodes.middle as { choices: { next: string }[] }).choices[0]!.next = 'stalled';
    expect(buildMapGraph(edited).structureKey).not.toBe(key);
  });

  it('with a cache, draws each edit exactly as a fresh build does (text, links, meters, deletions)', () => {
    const cache = createMapModelCache();
    let doc = syntheticDraft(300) as DraftDoc;
    const ids = Object.keys(doc.nodes);
    const route = ids.find((id) => doc.nodes[id]!.kind === 'route');
    const same = (d: DraftDoc) => expect(buildMapGraph(d, cache)).toEqual(buildMapGraph(d));
    const before = buildMapGraph(doc, cache);
    doc = updateNode(doc, ids[1]!, { client: 'Typed a new opening line for this moment' });
    same(doc);
    // Typing re-reads one box: every other box and edge is the very object drawn before.
    const typed = buildMapGraph(doc, cache);
    expect(typed.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)).toEqual([ids[1]]);
    expect(typed.edges.every((e, i) => e === before.edges[i])).toBe(true);
    // A response's text is in its edge's description.
    const moment = doc.nodes[ids[1]!] as MomentInput;
    doc = {
      ...doc,
      nodes: {
        ...doc.nodes,
        [ids[1]!]: { ...moment, choices: [{ ...moment.choices[0]!, text: 'A new reply' }, ...moment.choices.slice(1)] },
      },
    };
    same(doc);
    expect(
      buildMapGraph(doc, cache)
        .edges.filter((e, i) => e !== typed.edges[i])
        .map((e) => e.description),
    ).toEqual([expect.stringContaining('A new reply')]);
    doc = {
      ...doc,
      nodes: { ...doc.nodes, [ids[1]!]: { ...moment, choices: [{ ...moment.choices[0]!, next: ids[8]! }, ...moment.choices.slice(1)] } },
    };
    same(doc); // a new link: built afresh
    const { [ids[4]!]: _gone, ...rest } = doc.nodes;
    doc = { ...doc, nodes: rest };
    same(doc); // links to the deleted node now end in a ghost box
    const meter = Object.keys(doc.meters)[0]!;
    doc = setMeter(doc, meter, { label: 'Renamed meter' });
    same(doc);
    expect(route).toBeDefined();
    expect(buildMapGraph(doc, cache).edges.some((e) => e.type === 'route' && e.label.includes('Renamed meter'))).toBe(true);
  });

  it('draws what it can of a broken draft and never throws', () => {
    const broken = {
      start: 'nowhere',
      nodes: {
        a: {
          kind: 'moment',
          client: 'Hello',
          choices: [{ stance: 'partnering', next: 'b' }, { stance: 'odd', next: 'ghost' }, { next: '' }, null, 'x'],
        },
        b: { kind: 'banana' },
        c: null,
        d: {
          kind: 'route',
          routes: [
            { when: { trust: { gte: 3 } }, next: 'a' },
            { when: 'bad', next: 'ghost' },
            { when: { trust: 5 }, next: 'a' },
          ],
        },
        e: { kind: 'ending', outcome: 'weird', client: 42 },
      },
    };
    const g = buildMapGraph(broken);
    expect(g.startId).toBeUndefined();
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['a', 'moment'],
      ['b', 'unknown'],
      ['c', 'unknown'],
      ['d', 'route'],
      ['e', 'ending'],
      [`${GHOST_PREFIX}ghost`, 'missing'],
    ]);
    const a = g.nodes[0]!;
    expect(a.unlinked).toBe(3);
    expect(kindText(g.nodes[1]!)).toBe('Unknown kind “banana”');
    expect(kindText(g.nodes[4]!)).toBe('Ending');
    const ghostEdges = g.edges.filter((e) => e.target === `${GHOST_PREFIX}ghost`);
    expect(ghostEdges.map((e) => e.label)).toEqual(['2. Unknown stance', 'condition']);
    expect(g.edges.find((e) => e.source === 'd' && e.index === 0)!.label).toBe('trust ≥ 3');
    for (const doc of [undefined, null, 42, 'text', [], { nodes: [] }, { nodes: { x: { kind: 'moment', choices: 'no' } } }]) {
      expect(() => buildMapGraph(doc)).not.toThrow();
    }
  });
});

describe('firstWords', () => {
  it('cuts long lines at a word with an ellipsis', () => {
    expect(firstWords('one two three', 2)).toBe('one two…');
    expect(firstWords('  short line ')).toBe('short line');
    expect(firstWords('a'.repeat(200))).toHaveLength(91);
  });
});

describe('buildFlowElements', () => {
  const positions = (ids: string[]) => new Map(ids.map((id, i) => [id, { x: i * 10, y: i * 20 }]));

  it('places nodes at their layout positions with accessible names', () => {
    const g = buildMapGraph(tinyScenario());
    const { nodes, edges } = buildFlowElements(g, positions(g.nodes.map((n) => n.id)), 'f', createFlowCache());
    expect(nodes[1]!.position).toEqual({ x: 10, y: 20 });
    expect(nodes[0]!.ariaLabel).toBe('Start. Moment opening: I keep saying yes to everything.');
    expect(edges[0]!.ariaLabel).toBe('Choice 1, Partnering: What would you like from today?; from opening to middle');
    expect(nodeAriaLabel(g.nodes[2]!)).toBe('Route check: 3 branches.');
  });

  it('reuses unchanged node objects after a text edit, so only the edited box re-renders', () => {
    const doc = tinyScenario();
    const cache = createFlowCache();
    const g1 = buildMapGraph(doc);
    const pos = positions(g1.nodes.map((n) => n.id));
    const first = buildFlowElements(g1, pos, 'f', cache);
    const edited = { ...doc, nodes: { ...doc.nodes, middle: { ...doc.nodes.middle!, client: 'New words here' } } };
    const second = buildFlowElements(buildMapGraph(edited), pos, 'f', cache);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['middle']);
    expect(second.edges.every((e, i) => e === first.edges[i])).toBe(true);
    // The very same edge list, so React Flow does not re-adopt every edge for a text edit.
    expect(second.edges).toBe(first.edges);
  });

  it('gives nodes added since the last layout a provisional place below their parent', () => {
    const g = buildMapGraph(tinyScenario());
    const pos = positions(['opening']);
    const { nodes } = buildFlowElements(g, pos, 'f', createFlowCache());
    expect(nodes[1]!.position.y).toBeGreaterThan(nodes[0]!.position.y);
  });

  it('handles a thousand-node draft', () => {
    const g = buildMapGraph(syntheticDraft(1000));
    expect(g.nodes).toHaveLength(1000);
    expect(g.nodes.filter((n) => n.kind === 'missing')).toHaveLength(0);
  });
});
