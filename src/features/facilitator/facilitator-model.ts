import { playOrder as reachableInPlayOrder } from '../../domain/graph';
import type { Scenario, ScenarioNode } from '../../domain/schema';

/** Node ids in play order (domain/graph's playOrder), then any unreachable nodes by id. */
export function playOrder(scenario: Scenario): string[] {
  const order = reachableInPlayOrder(scenario);
  const seen = new Set(order);
  const rest = Object.keys(scenario.nodes)
    .filter((id) => !seen.has(id))
    .sort();
  return [...order, ...rest];
}

export interface NodeRef {
  readonly id: string;
  readonly node: ScenarioNode;
  /** Numbered within its kind in play order: "Moment 3", "Route 1", "Ending 2". */
  readonly label: string;
}

const KIND_WORD = { moment: 'Moment', route: 'Route', ending: 'Ending' } as const;

/** Every node with a human label, in play order. */
export function nodeRefs(scenario: Scenario): NodeRef[] {
  const counts = { moment: 0, route: 0, ending: 0 };
  return playOrder(scenario).map((id) => {
    const node = scenario.nodes[id]!;
    counts[node.kind] += 1;
    return { id, node, label: `${KIND_WORD[node.kind]} ${counts[node.kind]}` };
  });
}

/** Drift notes grouped by the node they refer to. */
export function driftNotesByNode(scenario: Scenario): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { node, note } of scenario.facilitator?.driftNotes ?? []) {
    const list = out.get(node) ?? [];
    list.push(note);
    out.set(node, list);
  }
  return out;
}

/** Wrap a line in curly quotes unless it already starts with a quote mark. */
export const quoted = (text: string): string => (/^["“‘']/.test(text.trim()) ? text : `“${text}”`);
