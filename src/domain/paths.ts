import { OUTCOMES } from './kinds';
import type { Meters, RouteNode, Scenario } from './schema';
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

/** The route-resolved node a play state lands on (routes take no choice). */
function settle(scenario: Scenario, nodeId: string, meters: Meters): string {
  for (let hops = 0; scenario.nodes[nodeId]?.kind === 'route' && hops < 1000; hops++) {
    const route = (scenario.nodes[nodeId] as RouteNode).routes.find((r) => conditionHolds(meters, r.when));
    if (!route) break;
    nodeId = route.next;
  }
  return nodeId;
}

const stateKey = (nodeId: string, meters: Meters) => `${nodeId}|${Object.values(meters).join(',')}`;

interface Best {
  readonly partnering: number;
  readonly rank: number;
  readonly length: number;
  readonly endingId: string;
  readonly first?: { readonly choice: PathChoice; readonly rest: Best };
}

/**
 * The path from start to an ending with the most partnering choices (ties: the better outcome,
 * then the shorter path), simulating the meters so routes go where they would in play.
 * Memoised over play states (node + meters), so it is linear in the states, not the paths.
 */
export function findPartneringPath(scenario: Scenario, opts: { startAt?: string; meters?: Meters } = {}): PartneringPath | undefined {
  const memo = new Map<string, Best | null>();
  const solve = (at: string, meters: Meters): Best | null => {
    const nodeId = settle(scenario, at, meters);
    const key = stateKey(nodeId, meters);
    if (memo.has(key)) return memo.get(key)!;
    memo.set(key, null); // in progress: a cycle back here is no path
    const node = scenario.nodes[nodeId];
    let best: Best | null = null;
    if (node?.kind === 'ending') best = { partnering: 0, rank: outcomeRank(node.outcome), length: 0, endingId: nodeId };
    else if (node?.kind === 'moment') {
      for (const choice of node.choices) {
        const rest = solve(choice.next, applyEffects(meters, choice.effects));
        if (!rest) continue;
        const candidate: Best = {
          partnering: rest.partnering + (choice.stance === 'partnering' ? 1 : 0),
          rank: rest.rank,
          length: rest.length + 1,
          endingId: rest.endingId,
          first: { choice: { nodeId, choiceId: choice.id }, rest },
        };
        if (!best || candidate.partnering > best.partnering || (candidate.partnering === best.partnering && (candidate.rank > best.rank || (candidate.rank === best.rank && candidate.length < best.length))))
          best = candidate;
      }
    }
    memo.set(key, best);
    return best;
  };
  const best = solve(opts.startAt ?? scenario.start, { ...initialMeters(scenario), ...opts.meters });
  if (!best) return undefined;
  const choices: PathChoice[] = [];
  for (let b: Best | undefined = best; b?.first; b = b.first.rest) choices.push(b.first.choice);
  return { choices, endingId: best.endingId, partnering: best.partnering };
}

export interface PathStats {
  /** The fewest coach choices from start to any ending (0 when no ending is reachable). */
  readonly minChoices: number;
  /** The ending the shortest conversation reaches, and its choices. */
  readonly shortest?: { readonly endingId: string; readonly choices: readonly PathChoice[] };
  /** Endings some conversation reaches, following routes as the meters dictate. */
  readonly endings: ReadonlySet<string>;
  /** Distinct (node, meters) states explored. */
  readonly states: number;
  /** False when the state budget ran out before the search finished. */
  readonly complete: boolean;
}

/**
 * Breadth-first search over play states (node + meters), so routes go where they would in play.
 * Finds the shortest conversation and every reachable ending without enumerating paths (bundled
 * scenarios have 10^5 simple paths; their state space is a few thousand).
 */
export function pathStats(scenario: Scenario, budget = 200_000): PathStats {
  interface State { nodeId: string; meters: Meters; via?: { choice: PathChoice; from: State } }
  const trailOf = (s: State) => {
    const out: PathChoice[] = [];
    for (let at: State | undefined = s; at?.via; at = at.via.from) out.unshift(at.via.choice);
    return out;
  };
  const seen = new Set<string>();
  const endings = new Set<string>();
  let shortest: PathStats['shortest'];
  let frontier: State[] = [{ nodeId: scenario.start, meters: initialMeters(scenario) }];
  while (frontier.length && seen.size < budget) {
    const next: State[] = [];
    for (let i = 0; i < frontier.length; i++) {
      const state = frontier[i]!;
      const { meters } = state;
      const nodeId = settle(scenario, state.nodeId, meters); // routes take no choice
      const k = stateKey(nodeId, meters);
      if (seen.has(k)) continue;
      seen.add(k);
      const node = scenario.nodes[nodeId];
      if (node?.kind === 'ending') {
        endings.add(nodeId);
        shortest ??= { endingId: nodeId, choices: trailOf(state) };
      } else if (node?.kind === 'moment') {
        for (const choice of node.choices)
          next.push({ nodeId: choice.next, meters: applyEffects(meters, choice.effects), via: { choice: { nodeId, choiceId: choice.id }, from: state } });
      }
    }
    frontier = next;
  }
  return { minChoices: shortest?.choices.length ?? 0, shortest, endings, states: seen.size, complete: frontier.length === 0 };
}
