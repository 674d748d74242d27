import { own } from './own';
import type { Scenario, ScenarioNode } from './schema';

/** Node ids a node can lead to, in order (choices' and routes' `next`). */
export function successors(node: ScenarioNode): string[] {
  switch (node.kind) {
    case 'moment':
      return node.choices.map((c) => c.next);
    case 'route':
      return node.routes.map((r) => r.next);
    case 'ending':
      return [];
  }
}

/** Ids reachable from `start` (including it), following only edges to existing nodes. */
export function reachableFrom(scenario: Scenario, start = scenario.start): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    const node = seen.has(id) ? undefined : own(scenario.nodes, id);
    if (!node) continue;
    seen.add(id);
    for (const next of successors(node)) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

/** Ids of nodes from which some ending can be reached (ignoring meter conditions). */
export function canReachEnding(scenario: Scenario): Set<string> {
  const preds = new Map<string, string[]>();
  const ok = new Set<string>();
  const queue: string[] = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.kind === 'ending') {
      ok.add(id);
      queue.push(id);
    }
    for (const next of successors(node)) {
      let list = preds.get(next);
      if (!list) preds.set(next, (list = []));
      list.push(id);
    }
  }
  while (queue.length) {
    const id = queue.pop()!;
    for (const p of preds.get(id) ?? []) {
      if (!ok.has(p)) {
        ok.add(p);
        queue.push(p);
      }
    }
  }
  return ok;
}

/**
 * The fewest choices from start to any ending if every route could go any way: a lower bound on
 * the shortest real conversation, cheap enough to run on every keystroke.
 */
export function minChoicesLowerBound(scenario: Scenario): number {
  // 0-1 BFS: choices cost 1, routes cost 0. Two stacks instead of one array's shift/unshift, which
  // made it quadratic (each shift moves every element): `now` holds distance d, `later` d + 1.
  const dist = new Map<string, number>([[scenario.start, 0]]);
  let now: string[] = [scenario.start];
  let later: string[] = [];
  for (let d = 0; now.length; d++, now = later, later = []) {
    while (now.length) {
      const id = now.pop()!;
      const node = own(scenario.nodes, id);
      if (!node || dist.get(id)! < d) continue;
      if (node.kind === 'ending') return d;
      const cost = node.kind === 'moment' ? 1 : 0;
      for (const next of successors(node)) {
        if ((dist.get(next) ?? Infinity) <= d + cost) continue;
        dist.set(next, d + cost);
        (cost === 0 ? now : later).push(next);
      }
    }
  }
  return Infinity;
}

/**
 * Node ids in play order: breadth-first from the start, so each node comes after the one that
 * leads to it. Nodes the start cannot reach are left out. The facilitator view and the cohort's
 * group debrief walk a scenario in this order.
 */
export function playOrder(scenario: Scenario): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = [scenario.start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const node = own(scenario.nodes, id);
    if (seen.has(id) || !node) continue;
    seen.add(id);
    order.push(id);
    for (const next of successors(node)) if (!seen.has(next)) queue.push(next);
  }
  return order;
}
