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
    if (seen.has(id) || !Object.hasOwn(scenario.nodes, id)) continue;
    seen.add(id);
    for (const next of successors(scenario.nodes[id]!)) if (!seen.has(next)) stack.push(next);
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
