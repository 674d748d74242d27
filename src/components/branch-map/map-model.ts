import type { Comparison, Scenario, ScenarioInput } from '../../domain/schema';
import { describeCondition } from '../../domain/meters';
import { STANCE_LABELS, isStance, type Stance } from '../../domain/stances';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../../domain/kinds';

/** What the map draws. A draft may be broken in any way: everything here is read defensively. */
export type BranchMapDoc = ScenarioInput | Scenario;

export type MapNodeKind = 'moment' | 'route' | 'ending' | 'unknown' | 'missing';

export interface MapNodeInfo {
  id: string;
  /** Order in the document (ghost nodes for missing targets come last). */
  index: number;
  kind: MapNodeKind;
  /** The authored kind when it is not one the map knows. */
  rawKind?: string;
  /** First words of the client line (moments, endings), a summary for routes. */
  snippet: string;
  outcome?: Outcome;
  isStart: boolean;
  /** Choices/routes whose `next` is empty: they lead nowhere. */
  unlinked: number;
  /** Heat map: what a cohort did here, e.g. "Reached by 12". */
  heat?: string;
}

export interface MapEdgeInfo {
  id: string;
  source: string;
  target: string;
  type: 'choice' | 'route';
  /** Position of the choice/route in its node (0-based). */
  index: number;
  stance?: Stance;
  /** Short text drawn on the edge: "1. Partnering", "Trust ≥ 70", "otherwise". */
  label: string;
  /** Longer description for the list view and tooltips. */
  description: string;
  /** Position among edges with the same source and target, so parallel edges fan out. */
  parallelIndex: number;
  parallelCount: number;
  /** Heat map: 0 (nobody took it) to 4 (most of those who could), drawn as the edge's width. */
  heat?: number;
}

export interface MapGraph {
  nodes: MapNodeInfo[];
  edges: MapEdgeInfo[];
  startId?: string;
  /** Changes only when ids or links change: the layout is keyed on it, not on text. */
  structureKey: string;
}

export const GHOST_PREFIX = 'missing::';
const MAX_SNIPPET_WORDS = 12;
const MAX_SNIPPET_CHARS = 90;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** First words of a text, on one line, ending with an ellipsis when cut. */
export function firstWords(text: string, words = MAX_SNIPPET_WORDS, chars = MAX_SNIPPET_CHARS): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  let out = all.slice(0, words).join(' ');
  let cut = all.length > words;
  if (out.length > chars) {
    out = out.slice(0, chars).replace(/\s+\S*$/, '') || out.slice(0, chars);
    cut = true;
  }
  return cut ? `${out}…` : out;
}

export const KIND_LABELS: Readonly<Record<MapNodeKind, string>> = {
  moment: 'Moment',
  route: 'Route',
  ending: 'Ending',
  unknown: 'Unknown kind',
  missing: 'Missing node',
};

/** "Ending · Rupture", "Moment", "Unknown kind “foo”". */
export function kindText(node: MapNodeInfo): string {
  if (node.kind === 'ending') return node.outcome ? `Ending · ${OUTCOME_LABELS[node.outcome]}` : 'Ending';
  if (node.kind === 'unknown') return node.rawKind ? `Unknown kind “${node.rawKind}”` : 'No kind';
  return KIND_LABELS[node.kind];
}

function conditionText(meters: unknown, when: unknown): string {
  if (when === undefined) return 'otherwise';
  if (!isRecord(when)) return 'condition';
  try {
    const scenarioLike = { meters: isRecord(meters) ? meters : {} } as unknown as Scenario;
    const clean: Record<string, Comparison> = {};
    for (const [k, c] of Object.entries(when)) if (isRecord(c)) clean[k] = c as Comparison;
    return describeCondition(scenarioLike, clean) || 'condition';
  } catch {
    return 'condition';
  }
}

function nodeSnippet(kind: MapNodeKind, raw: Record<string, unknown>): string {
  if (kind === 'route') {
    const n = Array.isArray(raw.routes) ? raw.routes.length : 0;
    return n === 1 ? '1 branch' : `${n} branches`;
  }
  return firstWords(str(raw.client) || str(raw.summary));
}

/** What one node contributes to the graph, read from the node alone (and the meters, for route conditions). */
export interface NodePart {
  readonly kind: MapNodeKind;
  readonly rawKind?: string;
  readonly outcome?: Outcome;
  readonly snippet: string;
  readonly unlinked: number;
  readonly links: readonly {
    readonly type: 'choice' | 'route';
    readonly index: number;
    readonly next: string;
    readonly stance?: Stance;
    readonly label: string;
    readonly description: string;
  }[];
}

/**
 * Each node's part, by node object. The studio's docs are immutable and an edit replaces only the
 * nodes it touches, so with a cache typing in one node's text re-reads that node, not the thousand
 * others (their snippets and edge labels were most of the map's ~10 ms per keystroke at 1,000
 * nodes, 20 ms at 2,000; bench:studio --profile, buildMapGraph and firstWords). Only for docs that
 * are never changed in place.
 */
export interface MapModelCache {
  readonly parts: WeakMap<object, { readonly meters: unknown; readonly part: NodePart }>;
  /** The last graph built, and what it was built from, for the text-edit shortcut in buildMapGraph. */
  last?: {
    readonly start: string | undefined;
    readonly meters: unknown;
    readonly ids: readonly string[];
    readonly raws: readonly unknown[];
    readonly parts: readonly NodePart[];
    /** Index of each node's first edge in graph.edges. */
    readonly firstEdge: readonly number[];
    readonly graph: MapGraph;
  };
}
export const createMapModelCache = (): MapModelCache => ({ parts: new WeakMap() });

function nodePart(raw: Record<string, unknown>, meters: unknown, cache: MapModelCache | undefined): NodePart {
  const cached = cache?.parts.get(raw);
  // Route conditions are worded with the meters' names: a meters edit re-reads route nodes.
  if (cached && (cached.meters === meters || !Array.isArray(raw.routes))) return cached.part;
  const rawKind = raw.kind;
  const kind: MapNodeKind = rawKind === 'moment' || rawKind === 'route' || rawKind === 'ending' ? rawKind : 'unknown';
  const outcome = (OUTCOMES as readonly unknown[]).includes(raw.outcome) ? (raw.outcome as Outcome) : undefined;
  let unlinked = 0;
  const links: NodePart['links'][number][] = [];
  const read = (list: unknown, type: 'choice' | 'route') => {
    if (!Array.isArray(list)) return;
    list.forEach((item: unknown, i) => {
      const it = isRecord(item) ? item : {};
      const next = str(it.next).trim();
      if (!next) {
        unlinked++;
        return;
      }
      if (type === 'choice') {
        const stance = isStance(it.stance) ? it.stance : undefined;
        const stanceLabel = stance ? STANCE_LABELS[stance] : 'Unknown stance';
        const text = firstWords(str(it.text), 16, 120);
        const label = `${i + 1}. ${stanceLabel}`;
        const description = `Choice ${i + 1}, ${stanceLabel}${text ? `: ${text}` : ''}`;
        links.push(stance ? { type, index: i, next, stance, label, description } : { type, index: i, next, label, description });
      } else {
        const cond = conditionText(meters, it.when);
        links.push({ type, index: i, next, label: cond, description: `Route ${i + 1}, when ${cond}` });
      }
    });
  };
  // Draw the links a node has even when its kind is wrong (e.g. an ending that still has choices).
  read(raw.choices, 'choice');
  read(raw.routes, 'route');
  const part: NodePart = {
    kind,
    ...(kind === 'unknown' && typeof rawKind === 'string' ? { rawKind } : {}),
    ...(kind === 'ending' && outcome ? { outcome } : {}),
    snippet: nodeSnippet(kind, raw),
    unlinked,
    links,
  };
  cache?.parts.set(raw, { meters, part });
  return part;
}

/**
 * Turn a (possibly invalid) scenario document into what the map draws. Never throws:
 * unknown kinds become 'unknown' boxes, links to ids that do not exist end in a ghost
 * 'missing' box, empty links are counted on their node as `unlinked`.
 */
export function buildMapGraph(doc: unknown, cache?: MapModelCache): MapGraph {
  const d = isRecord(doc) ? doc : {};
  const rawNodes = isRecord(d.nodes) ? d.nodes : {};
  const start = str(d.start) || undefined;
  const ids = Object.keys(rawNodes);
  const edited = cache ? textEdit(cache, rawNodes, ids, start, d.meters) : undefined;
  if (edited) return edited;
  const known = new Set(ids);
  const nodes: MapNodeInfo[] = [];
  const edges: MapEdgeInfo[] = [];
  const ghosts = new Map<string, string>();
  const ghostFor = (target: string): string => {
    let ghost = ghosts.get(target);
    if (!ghost) {
      ghost = GHOST_PREFIX + target;
      while (known.has(ghost)) ghost += ':';
      ghosts.set(target, ghost);
    }
    return ghost;
  };

  const parts: NodePart[] = [];
  ids.forEach((id, index) => {
    const raw = rawNodes[id];
    const part = nodePart(isRecord(raw) ? raw : {}, d.meters, cache);
    parts.push(part);
    const info: MapNodeInfo = { id, index, kind: part.kind, snippet: part.snippet, isStart: id === start, unlinked: part.unlinked };
    if (part.rawKind !== undefined) info.rawKind = part.rawKind;
    if (part.outcome !== undefined) info.outcome = part.outcome;
    for (const link of part.links) {
      const edge: MapEdgeInfo = {
        id: link.type === 'choice' ? choiceEdgeId(id, link.index) : routeEdgeId(id, link.index),
        source: id,
        target: known.has(link.next) ? link.next : ghostFor(link.next),
        type: link.type,
        index: link.index,
        label: link.label,
        description: link.description,
        parallelIndex: 0,
        parallelCount: 1,
      };
      if (link.stance) edge.stance = link.stance;
      edges.push(edge);
    }
    nodes.push(info);
  });

  for (const [target, ghost] of ghosts) {
    nodes.push({ id: ghost, index: nodes.length, kind: 'missing', snippet: `No node called “${target}”`, isStart: false, unlinked: 0 });
  }

  const groups = new Map<string, MapEdgeInfo[]>();
  for (const e of edges) {
    const key = `${e.source}\u0000${e.target}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  for (const g of groups.values())
    g.forEach((e, i) => {
      e.parallelIndex = i;
      e.parallelCount = g.length;
    });

  const structureKey = [
    start ?? '',
    nodes.map((n) => n.id).join('\u0001'),
    edges.map((e) => `${e.source}\u0002${e.target}`).join('\u0001'),
  ].join('\u0003');
  const graph: MapGraph = { nodes, edges, structureKey };
  if (start && known.has(start)) graph.startId = start;
  if (cache) {
    const firstEdge: number[] = [];
    let at = 0;
    for (const part of parts) {
      firstEdge.push(at);
      at += part.links.length;
    }
    cache.last = { start, meters: d.meters, ids, raws: ids.map((id) => rawNodes[id]), parts, firstEdge, graph };
  }
  return graph;
}

const sameLinks = (a: NodePart, b: NodePart): boolean =>
  a.kind === b.kind &&
  a.rawKind === b.rawKind &&
  a.outcome === b.outcome &&
  a.unlinked === b.unlinked &&
  a.links.length === b.links.length &&
  a.links.every((l, i) => {
    const m = b.links[i]!;
    return l.type === m.type && l.index === m.index && l.next === m.next && l.stance === m.stance;
  });

/**
 * The text-edit shortcut: when the doc has the same nodes in the same order, the same start and
 * meters, and the nodes that changed kept their kind and links (typing in a client line or a
 * response), the last graph is copied with only those nodes' boxes and edges replaced. Every other
 * node and edge object is the same as before, so the map re-renders only what changed. At 2,000
 * nodes the full build (a box and ~3 edges per node) was ~15 ms of each keystroke on a busy machine.
 */
function textEdit(
  cache: MapModelCache,
  rawNodes: Record<string, unknown>,
  ids: readonly string[],
  start: string | undefined,
  meters: unknown,
): MapGraph | undefined {
  const last = cache.last;
  if (!last || last.start !== start || last.meters !== meters || last.ids.length !== ids.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== last.ids[i]) return undefined;
    if (rawNodes[ids[i]!] !== last.raws[i]) changed.push(i);
  }
  if (changed.length === 0) return last.graph;
  if (changed.length > 16) return undefined;
  const raws = last.raws.slice();
  const parts = last.parts.slice();
  const nodes = last.graph.nodes.slice();
  const edges = last.graph.edges.slice();
  for (const i of changed) {
    const raw = rawNodes[ids[i]!];
    const part = nodePart(isRecord(raw) ? raw : {}, meters, cache);
    if (!sameLinks(part, last.parts[i]!)) return undefined;
    raws[i] = raw;
    parts[i] = part;
    if (nodes[i]!.snippet !== part.snippet) nodes[i] = { ...nodes[i]!, snippet: part.snippet };
    part.links.forEach((link, k) => {
      const at = last.firstEdge[i]! + k;
      const edge = edges[at]!;
      if (edge.label !== link.label || edge.description !== link.description)
        edges[at] = { ...edge, label: link.label, description: link.description };
    });
  }
  const graph: MapGraph = { ...last.graph, nodes, edges };
  cache.last = { ...last, raws, parts, graph };
  return graph;
}

/** The id the map gives a moment's i-th choice edge and a route node's i-th route edge. */
export const choiceEdgeId = (nodeId: string, index: number): string => `${nodeId}→c${index}`;
export const routeEdgeId = (nodeId: string, index: number): string => `${nodeId}→r${index}`;

/**
 * A heat map over the branch map (the Cohort page): per node a short line ("Reached by 12"),
 * per edge a label ("7 · 58%"), a description for the list and screen readers, and a level 0-4.
 */
export interface MapHeat {
  readonly nodes: Readonly<Record<string, string>>;
  readonly edges: Readonly<Record<string, { readonly label: string; readonly description: string; readonly level: number }>>;
}

/** The graph with the heat's labels on its nodes and edges (new objects; the input is untouched). */
export function applyHeat(graph: MapGraph, heat: MapHeat | undefined): MapGraph {
  if (!heat) return graph;
  const nodes = graph.nodes.map((n) => (Object.hasOwn(heat.nodes, n.id) ? { ...n, heat: heat.nodes[n.id] } : n));
  const edges = graph.edges.map((e) => {
    const h = Object.hasOwn(heat.edges, e.id) ? heat.edges[e.id] : undefined;
    return h ? { ...e, label: h.label, description: `${e.description}. ${h.description}`, heat: h.level } : e;
  });
  return { ...graph, nodes, edges };
}
