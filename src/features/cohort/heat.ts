import { choiceEdgeId, routeEdgeId, type MapHeat } from '../../components/branch-map';
import { playOrder } from '../../domain/graph';
import type { ScenarioFigures } from '../../engine/cohort';
import type { Scenario } from '../../domain/schema';

export const pct = (share: number): string => `${Math.round(share * 100)}%`;
const attempts = (n: number) => `${n} ${n === 1 ? 'attempt' : 'attempts'}`;

/** 0 for nobody, then 1-4 by quarters of the share. */
export const heatLevel = (share: number): number => (share <= 0 ? 0 : Math.min(4, Math.ceil(share * 4)));

/** The cohort's figures as labels on the branch map. */
export function heatOf(scenario: Scenario, fig: ScenarioFigures): MapHeat {
  const nodes: Record<string, string> = {};
  const edges: Record<string, { label: string; description: string; level: number }> = {};
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const f = fig.nodes[id];
    if (!f) continue;
    nodes[id] =
      node.kind === 'ending'
        ? `Reached by ${f.reached}${fig.finished ? ` (${pct(f.reached / fig.finished)})` : ''}`
        : `Reached by ${f.reached}${f.stopped ? `, ${f.stopped} stopped here` : ''}`;
    if (node.kind === 'moment') {
      node.choices.forEach((c, i) => {
        const count = fig.choices[id]?.[c.id] ?? 0;
        const share = f.reached ? count / f.reached : 0;
        edges[choiceEdgeId(id, i)] = {
          label: `${count} · ${pct(share)}`,
          description: `Chosen in ${attempts(count)}, ${pct(share)} of the ${f.reached} that reached this moment`,
          level: heatLevel(share),
        };
      });
    } else if (node.kind === 'route') {
      node.routes.forEach((_, i) => {
        const count = fig.routes[id]?.[i] ?? 0;
        const share = f.reached ? count / f.reached : 0;
        edges[routeEdgeId(id, i)] = {
          label: `${count} · ${pct(share)}`,
          description: `Taken by ${attempts(count)}, ${pct(share)} of the ${f.reached} that got here`,
          level: heatLevel(share),
        };
      });
    }
  }
  return { nodes, edges };
}

/** Moment ids in play order (breadth-first from the start), for the group debrief. */
export const momentsInPlayOrder = (scenario: Scenario): string[] =>
  playOrder(scenario).filter((id) => scenario.nodes[id]!.kind === 'moment');
