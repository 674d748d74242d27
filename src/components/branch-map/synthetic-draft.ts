import { mulberry32 as prng } from '../../lib/random';
import type { ScenarioInput } from '../../domain/schema';
import { DRIFT_STANCES, MARKERS_BROKEN_BY, type Stance } from '../../domain/stances';
import { OUTCOMES } from '../../domain/kinds';

const WORDS = 'I keep saying yes to everything and then I resent the people who asked me it is not fair on them or on me'.split(' ');

/**
 * A valid, scenario-shaped draft with `size` nodes for benchmarks and tests: layers of moments
 * (three choices each, one per stance, into the next one or two layers), a route node every
 * ninth node, and a final layer of endings. Used by scripts/bench-studio.ts; not part of the app.
 */
export function syntheticDraft(size: number, seed = 7): ScenarioInput {
  const rand = prng(seed);
  const endings = Math.max(2, Math.round(size / 20));
  const inner = Math.max(1, size - endings);
  const width = Math.max(2, Math.round(Math.sqrt(inner) * 0.9));
  // Layers widen from the opening (1, 3, 9, ...) up to `width`, as a real scenario fans out.
  const layers: string[][] = [];
  for (let i = 0, layer = 0; i < inner; layer++) {
    const size = Math.min(width, 3 ** layer, inner - i);
    layers.push(
      Array.from({ length: size }, (_, k) => {
        const n = i + k;
        return n === 0 ? 'opening' : n % 9 === 0 ? `route-${n}` : `moment-${n}`;
      }),
    );
    i += size;
  }
  const endIds = Array.from({ length: endings }, (_, i) => `ending-${i + 1}`);
  layers.push(endIds);
  // The first link of each node covers the next layer in turn, so every node is reachable.
  const cover = (from: number, i: number): string => {
    const target = layers[Math.min(layers.length - 1, from + 1)]!;
    return target[i % target.length]!;
  };
  const pick = (from: number): string => {
    const target = layers[Math.min(layers.length - 1, from + 1 + (rand() < 0.25 ? 1 : 0))]!;
    return target[Math.floor(rand() * target.length)]!;
  };
  /** Link `i` of the node at `position` covers slot position + i * layerSize of the next layer, if there is one. */
  const link = (layer: number, position: number, i: number, layerSize: number): string => {
    const slot = position + i * layerSize;
    return i === 0 || slot < (layers[layer + 1]?.length ?? 0) ? cover(layer, slot) : pick(layer);
  };
  const line = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const nodes: ScenarioInput['nodes'] = {};
  layers.forEach((ids, layer) => {
    ids.forEach((id, position) => {
      if (id.startsWith('ending-')) {
        const outcome = OUTCOMES[Math.floor(rand() * OUTCOMES.length)]!;
        nodes[id] = { kind: 'ending', outcome, client: `${line(8)}.`, summary: `${line(10)}.` };
      } else if (id.startsWith('route-')) {
        nodes[id] = {
          kind: 'route',
          routes: [
            { when: { trust: { gte: 60 } }, next: link(layer, position, 0, ids.length) },
            { when: { ownership: { lt: 30 } }, next: link(layer, position, 1, ids.length) },
            { next: link(layer, position, 2, ids.length) },
          ],
        };
      } else {
        const drifts = [...DRIFT_STANCES].sort(() => rand() - 0.5);
        const stances: Stance[] = ['partnering', drifts[0]!, drifts[1]!];
        nodes[id] = {
          kind: 'moment',
          client: `${line(14)}.`,
          choices: stances.map((stance, i) => ({
            id: `${id}-c${i + 1}`,
            text: `${line(9)}?`,
            stance,
            effects: { trust: stance === 'partnering' ? 10 : -5, ownership: stance === 'partnering' ? 5 : -10 },
            markers: stance === 'partnering' ? ['6.2'] : [MARKERS_BROKEN_BY[stance as Exclude<Stance, 'partnering'>][0]!],
            feedback: `${line(12)}.`,
            ...(stance === 'partnering' ? {} : { partneringAlternative: `What ${line(8)}?` }),
            next: link(layer, position, i, ids.length),
          })),
        };
      }
    });
  });
  // Every node must be reachable: point a spare link (one whose target is also linked from
  // elsewhere) from an earlier layer at any node nothing links to yet.
  const layerOf = new Map(layers.flatMap((ids, l) => ids.map((id) => [id, l] as const)));
  const links = Object.entries(nodes).flatMap(([id, node]) => {
    const list = node.kind === 'moment' ? node.choices : node.kind === 'route' ? node.routes : [];
    return list.map((link) => ({ from: layerOf.get(id)!, link }));
  });
  const refs = new Map<string, number>();
  for (const { link } of links) refs.set(link.next, (refs.get(link.next) ?? 0) + 1);
  for (const [id, layer] of layerOf) {
    if (id === 'opening' || refs.get(id)) continue;
    const spare = links.find(({ from, link }) => from < layer && from >= layer - 2 && (refs.get(link.next) ?? 0) > 1);
    if (!spare) continue;
    refs.set(spare.link.next, refs.get(spare.link.next)! - 1);
    spare.link.next = id;
    refs.set(id, 1);
  }
  return {
    schemaVersion: 2,
    id: `bench-${size}`,
    title: `Benchmark ${size} nodes`,
    summary: 'A synthetic scenario for performance measurement.',
    estimatedMinutes: 15,
    competencies: [3],
    client: { name: 'Sam', role: 'Team lead', background: 'Synthetic.' },
    meters: { trust: { label: 'Trust', initial: 50 }, ownership: { label: 'Ownership', initial: 40 } },
    start: 'opening',
    nodes,
  };
}
