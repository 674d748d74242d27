import { OUTCOMES } from './kinds';
import type { Meters, Moment, RouteNode, Scenario } from './schema';
import { applyEffects, conditionHolds, initialMeters } from './meters';
import { own } from './own';

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
  // A cycle of route nodes never settles; after 1000 hops the state counts as a dead end. Each hop
  // costs well under a microsecond, and the searches below cap their states, so this stays bounded.
  for (let hops = 0; own(scenario.nodes, nodeId)?.kind === 'route' && hops < 1000; hops++) {
    const route = (own(scenario.nodes, nodeId) as RouteNode).routes.find((r) => conditionHolds(meters, r.when));
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
export function findPartneringPath(
  scenario: Scenario,
  opts: { startAt?: string; meters?: Meters; budget?: number } = {},
): PartneringPath | undefined {
  const budget = opts.budget ?? Infinity;
  const memo = new Map<string, Best | null>();
  interface Frame {
    readonly key: string;
    readonly nodeId: string;
    readonly node: Moment;
    readonly meters: Meters;
    next: number;
    best: Best | null;
  }
  // Iterative depth-first search (a long scenario would overflow the call stack).
  const stack: Frame[] = [];
  let result: Best | null = null;
  /** Resolve a state from the memo or as an ending (sets `result`), or push a frame for it. */
  const enter = (at: string, meters: Meters): boolean => {
    const nodeId = settle(scenario, at, meters);
    const key = stateKey(nodeId, meters);
    if (memo.has(key)) {
      result = memo.get(key)!; // null while in progress: a cycle back here is no path
      return false;
    }
    if (memo.size >= budget) throw OVER_BUDGET;
    const node = own(scenario.nodes, nodeId);
    if (node?.kind === 'moment') {
      memo.set(key, null);
      stack.push({ key, nodeId, node, meters, next: 0, best: null });
      return true;
    }
    result = node?.kind === 'ending' ? { partnering: 0, rank: outcomeRank(node.outcome), length: 0, endingId: nodeId } : null;
    memo.set(key, result);
    return false;
  };
  try {
    enter(opts.startAt ?? scenario.start, { ...initialMeters(scenario), ...opts.meters });
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.next > 0 && result) {
        const choice = frame.node.choices[frame.next - 1]!;
        const rest: Best = result;
        const candidate: Best = {
          partnering: rest.partnering + (choice.stance === 'partnering' ? 1 : 0),
          rank: rest.rank,
          length: rest.length + 1,
          endingId: rest.endingId,
          first: { choice: { nodeId: frame.nodeId, choiceId: choice.id }, rest },
        };
        if (isBetter(candidate, frame.best)) frame.best = candidate;
      }
      result = null;
      if (frame.next < frame.node.choices.length) {
        const choice = frame.node.choices[frame.next++]!;
        enter(choice.next, applyEffects(frame.meters, choice.effects));
        continue;
      }
      memo.set(frame.key, frame.best);
      result = frame.best;
      stack.pop();
    }
  } catch (e) {
    if (e === OVER_BUDGET) return undefined;
    throw e;
  }
  const best: Best | null = result;
  if (!best) return undefined;
  const choices: PathChoice[] = [];
  for (let b: Best | undefined = best; b?.first; b = b.first.rest) choices.push(b.first.choice);
  return { choices, endingId: best.endingId, partnering: best.partnering };
}

const OVER_BUDGET = Symbol('over budget');

/** Most partnering choices; then the better outcome; then the shorter path. */
function isBetter(a: Best, b: Best | null): boolean {
  if (!b) return true;
  if (a.partnering !== b.partnering) return a.partnering > b.partnering;
  if (a.rank !== b.rank) return a.rank > b.rank;
  return a.length < b.length;
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
export function pathStats(scenario: Scenario, opts: { budget?: number; maxChoices?: number } = {}): PathStats {
  const budget = opts.budget ?? 200_000;
  const maxChoices = opts.maxChoices ?? Infinity;
  interface State {
    nodeId: string;
    meters: Meters;
    via?: { choice: PathChoice; from: State };
  }
  const trailOf = (s: State) => {
    const out: PathChoice[] = [];
    for (let at: State | undefined = s; at?.via; at = at.via.from) out.unshift(at.via.choice);
    return out;
  };
  const seen = new Set<string>();
  const endings = new Set<string>();
  let shortest: PathStats['shortest'];
  let frontier: State[] = [{ nodeId: scenario.start, meters: initialMeters(scenario) }];
  for (let depth = 0; frontier.length && seen.size < budget && depth <= maxChoices; depth++) {
    const next: State[] = [];
    for (let i = 0; i < frontier.length; i++) {
      const state = frontier[i]!;
      const { meters } = state;
      const nodeId = settle(scenario, state.nodeId, meters); // routes take no choice
      const k = stateKey(nodeId, meters);
      if (seen.has(k)) continue;
      seen.add(k);
      const node = own(scenario.nodes, nodeId);
      if (node?.kind === 'ending') {
        endings.add(nodeId);
        shortest ??= { endingId: nodeId, choices: trailOf(state) };
      } else if (node?.kind === 'moment') {
        for (const choice of node.choices)
          next.push({
            nodeId: choice.next,
            meters: applyEffects(meters, choice.effects),
            via: { choice: { nodeId, choiceId: choice.id }, from: state },
          });
      }
    }
    frontier = next;
  }
  return { minChoices: shortest?.choices.length ?? 0, shortest, endings, states: seen.size, complete: frontier.length === 0 };
}

/**
 * The shortest conversation if it takes fewer than `limit` choices (meters simulated), else
 * undefined. Explores only the first `limit` layers of play states, so it stays cheap on large
 * drafts.
 */
export function findShortPath(scenario: Scenario, limit: number): PathStats['shortest'] {
  const stats = pathStats(scenario, { maxChoices: limit - 1, budget: 50_000 });
  return stats.shortest && stats.shortest.choices.length < limit ? stats.shortest : undefined;
}
