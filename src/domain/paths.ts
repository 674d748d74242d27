import { OUTCOMES } from './kinds';
import type { Meters, Scenario } from './schema';
import { applyEffects, conditionHolds, initialMeters } from './meters';

export interface PathChoice {
  readonly nodeId: string;
  readonly choiceId: string;
}

export interface PartneringPath {
  readonly choices: readonly PathChoice[];
  readonly endingId: string;
  readonly partnering: number;
}

const outcomeRank = (o: string) => OUTCOMES.length - OUTCOMES.indexOf(o as (typeof OUTCOMES)[number]);

function better(a: PartneringPath, b: PartneringPath | undefined, scenario: Scenario): boolean {
  if (!b) return true;
  if (a.partnering !== b.partnering) return a.partnering > b.partnering;
  const ra = outcomeRank((scenario.nodes[a.endingId] as { outcome: string }).outcome);
  const rb = outcomeRank((scenario.nodes[b.endingId] as { outcome: string }).outcome);
  if (ra !== rb) return ra > rb;
  return a.choices.length < b.choices.length;
}

/**
 * The path from start to an ending with the most partnering choices (ties: the better outcome,
 * then the shorter path), simulating the meters so routes go where they would in play. Simple
 * paths only. `budget` caps the nodes explored; past it the best path found so far is returned.
 */
export function findPartneringPath(
  scenario: Scenario,
  opts: { startAt?: string; meters?: Meters; budget?: number } = {},
): PartneringPath | undefined {
  let budget = opts.budget ?? 200_000;
  let best: PartneringPath | undefined;
  const visited = new Set<string>();
  const trail: PathChoice[] = [];

  const walk = (nodeId: string, meters: Meters, partnering: number): void => {
    if (budget-- <= 0 || visited.has(nodeId)) return;
    const node = scenario.nodes[nodeId];
    if (!node) return;
    if (node.kind === 'ending') {
      const candidate = { choices: [...trail], endingId: nodeId, partnering };
      if (better(candidate, best, scenario)) best = candidate;
      return;
    }
    visited.add(nodeId);
    if (node.kind === 'route') {
      const route = node.routes.find((r) => conditionHolds(meters, r.when));
      if (route) walk(route.next, meters, partnering);
    } else {
      // Partnering choices first, so a budget cut still leaves a good path.
      const ordered = [...node.choices].sort((a, b) => Number(b.stance === 'partnering') - Number(a.stance === 'partnering'));
      for (const choice of ordered) {
        trail.push({ nodeId, choiceId: choice.id });
        walk(choice.next, applyEffects(meters, choice.effects), partnering + (choice.stance === 'partnering' ? 1 : 0));
        trail.pop();
      }
    }
    visited.delete(nodeId);
  };

  walk(opts.startAt ?? scenario.start, { ...initialMeters(scenario), ...opts.meters }, 0);
  return best;
}

export interface PathStats {
  /** Simple paths from start to an ending, following routes as the meters dictate. */
  readonly paths: number;
  readonly minChoices: number;
  readonly maxChoices: number;
  /** The ending reached by the shortest path, and that path. */
  readonly shortest?: { readonly endingId: string; readonly choices: readonly PathChoice[] };
  readonly endings: ReadonlySet<string>;
  /** False when the budget ran out before every path was seen. */
  readonly complete: boolean;
}

/** Enumerate every simple path (meters simulated) within a budget of visited nodes. */
export function pathStats(scenario: Scenario, budget = 300_000): PathStats {
  let left = budget;
  let paths = 0;
  let minChoices = Infinity;
  let maxChoices = 0;
  let shortest: PathStats['shortest'];
  const endings = new Set<string>();
  const visited = new Set<string>();
  const trail: PathChoice[] = [];
  const walk = (nodeId: string, meters: Meters): void => {
    if (left-- <= 0 || visited.has(nodeId)) return;
    const node = scenario.nodes[nodeId];
    if (!node) return;
    if (node.kind === 'ending') {
      paths++;
      endings.add(nodeId);
      if (trail.length < minChoices) {
        minChoices = trail.length;
        shortest = { endingId: nodeId, choices: [...trail] };
      }
      maxChoices = Math.max(maxChoices, trail.length);
      return;
    }
    visited.add(nodeId);
    if (node.kind === 'route') {
      const route = node.routes.find((r) => conditionHolds(meters, r.when));
      if (route) walk(route.next, meters);
    } else {
      for (const choice of node.choices) {
        trail.push({ nodeId, choiceId: choice.id });
        walk(choice.next, applyEffects(meters, choice.effects));
        trail.pop();
      }
    }
    visited.delete(nodeId);
  };
  walk(scenario.start, initialMeters(scenario));
  return { paths, minChoices: paths ? minChoices : 0, maxChoices, shortest, endings, complete: left > 0 };
}
