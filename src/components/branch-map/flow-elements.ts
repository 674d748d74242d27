import { Position, type Edge, type Node } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-constants';
import { GHOST_PREFIX, kindText, type MapEdgeInfo, type MapGraph, type MapNodeInfo } from './map-model';

export interface MapNodeData extends Record<string, unknown> {
  info: MapNodeInfo;
  /** Id of the element inside the box that says "selected", "2 problems". */
  statusId: string;
}
export interface MapEdgeData extends Record<string, unknown> {
  info: MapEdgeInfo;
}
export type MapFlowNode = Node<MapNodeData, 'branch'>;
export type MapFlowEdge = Edge<MapEdgeData, 'branch'>;

export interface Positions {
  get(id: string): { x: number; y: number } | undefined;
}

/** Previously built elements, reused when nothing they show changed (keeps React Flow's work per edit to the edited node). */
export interface FlowCache {
  nodes: Map<string, MapFlowNode>;
  edges: Map<string, MapFlowEdge>;
  /** The last edge list: returned again when every edge is unchanged (typing in a box's text). */
  edgeList?: MapFlowEdge[];
  /** The graph edges the last edge list was built from. */
  edgeInfos?: MapEdgeInfo[];
}
export const createFlowCache = (): FlowCache => ({ nodes: new Map(), edges: new Map() });

/** `next`, or `prev` when they hold the same objects in the same order. */
const sameList = <T>(prev: T[] | undefined, next: T[]): T[] =>
  prev && prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next;

const HANDLES = [
  { type: 'target' as const, position: Position.Top, x: NODE_WIDTH / 2 - 0.5, y: 0, width: 1, height: 1, id: null },
  { type: 'source' as const, position: Position.Bottom, x: NODE_WIDTH / 2 - 0.5, y: NODE_HEIGHT - 1, width: 1, height: 1, id: null },
];

const sameNodeInfo = (a: MapNodeInfo, b: MapNodeInfo): boolean =>
  a.id === b.id &&
  a.index === b.index &&
  a.kind === b.kind &&
  a.rawKind === b.rawKind &&
  a.snippet === b.snippet &&
  a.outcome === b.outcome &&
  a.isStart === b.isStart &&
  a.unlinked === b.unlinked &&
  a.heat === b.heat;

const sameEdgeInfo = (a: MapEdgeInfo, b: MapEdgeInfo): boolean =>
  a.id === b.id &&
  a.source === b.source &&
  a.target === b.target &&
  a.stance === b.stance &&
  a.label === b.label &&
  a.description === b.description &&
  a.parallelIndex === b.parallelIndex &&
  a.parallelCount === b.parallelCount &&
  a.heat === b.heat;

export const targetName = (id: string): string =>
  id.startsWith(GHOST_PREFIX) ? `missing node “${id.slice(GHOST_PREFIX.length).replace(/:+$/, '')}”` : id;

/** Accessible name of a node box: "Start. Moment opening: So. Kyle got it…". */
export function nodeAriaLabel(info: MapNodeInfo): string {
  const unlinked = info.unlinked ? ` ${info.unlinked} ${info.unlinked === 1 ? 'link leads' : 'links lead'} nowhere.` : '';
  const main = `${info.isStart ? 'Start. ' : ''}${kindText(info)}${info.kind === 'missing' ? '' : ` ${info.id}`}${info.snippet ? `: ${info.snippet}` : ''}`;
  return `${main}${/[.!?…]$/.test(main) ? '' : '.'}${unlinked}${info.heat ? ` ${info.heat}.` : ''}`;
}

/**
 * React Flow nodes and edges for a map graph at the given positions. Objects are reused from
 * `cache` when unchanged, so a text edit produces one new node object, not a thousand.
 * Nodes without a position yet (added since the last layout) sit below their first parent.
 */
export function buildFlowElements(
  graph: MapGraph,
  positions: Positions,
  flowId: string,
  cache: FlowCache,
): { nodes: MapFlowNode[]; edges: MapFlowEdge[] } {
  const nextNodes = new Map<string, MapFlowNode>();
  const parentOf = new Map<string, string>();
  for (const e of graph.edges) if (!parentOf.has(e.target)) parentOf.set(e.target, e.source);
  let fallbackX = 0;
  const placed = new Map<string, { x: number; y: number }>();
  const positionOf = (id: string, depth = 0): { x: number; y: number } => {
    const known = positions.get(id) ?? placed.get(id);
    if (known) return known;
    const parent = parentOf.get(id);
    const p = parent && depth < 20 ? positionOf(parent, depth + 1) : undefined;
    const at = p ? { x: p.x + 24, y: p.y + NODE_HEIGHT + 110 } : { x: (fallbackX -= NODE_WIDTH + 48), y: 0 };
    placed.set(id, at);
    return at;
  };
  const nodes = graph.nodes.map((info): MapFlowNode => {
    const position = positionOf(info.id);
    const prev = cache.nodes.get(info.id);
    if (prev && prev.position.x === position.x && prev.position.y === position.y && sameNodeInfo(prev.data.info, info)) {
      nextNodes.set(info.id, prev);
      return prev;
    }
    const statusId = `${flowId}-status-${info.index}`;
    const node: MapFlowNode = {
      id: info.id,
      type: 'branch',
      position,
      data: { info, statusId },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      handles: HANDLES,
      draggable: false,
      connectable: false,
      selectable: false,
      deletable: false,
      ariaLabel: nodeAriaLabel(info),
      domAttributes: { 'aria-describedby': statusId },
      className: `bm-node-wrap bm-kind-${info.kind}`,
    };
    nextNodes.set(info.id, node);
    return node;
  });
  // Typing in a box's text leaves every edge the same object (map-model.ts): nothing to compare.
  const infos = cache.edgeInfos;
  if (cache.edgeList && infos && infos.length === graph.edges.length && graph.edges.every((e, i) => e === infos[i])) {
    cache.nodes = nextNodes;
    return { nodes, edges: cache.edgeList };
  }
  const nextEdges = new Map<string, MapFlowEdge>();
  const edges = graph.edges.map((info): MapFlowEdge => {
    const prev = cache.edges.get(info.id);
    if (prev && sameEdgeInfo(prev.data!.info, info)) {
      nextEdges.set(info.id, prev);
      return prev;
    }
    const edge: MapFlowEdge = {
      id: info.id,
      source: info.source,
      target: info.target,
      type: 'branch',
      data: { info },
      selectable: false,
      focusable: false,
      deletable: false,
      ariaLabel: `${info.description}; from ${info.source} to ${targetName(info.target)}`,
    };
    nextEdges.set(info.id, edge);
    return edge;
  });
  cache.nodes = nextNodes;
  cache.edges = nextEdges;
  // The same edge array lets React Flow skip re-adopting every edge (setEdges cost ~12 ms per
  // keystroke at 1,000 nodes in bench:studio --profile).
  cache.edgeList = sameList(cache.edgeList, edges);
  cache.edgeInfos = graph.edges;
  return { nodes, edges: cache.edgeList };
}
