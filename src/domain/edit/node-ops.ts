import {
  EditError,
  NODE_ID,
  getNode,
  hasNode,
  mapNodes,
  numberedId,
  renameKey,
  withNode,
  type ChoiceInput,
  type DraftDoc,
  type NodeInput,
  type NodeKind,
} from './doc';

/** Where a new node gets linked from: a choice of a moment or a route of a route node. */
export interface LinkFrom {
  readonly nodeId: string;
  readonly choiceIndex?: number;
  readonly routeIndex?: number;
}

/** An empty partnering choice that points nowhere yet (the problems panel asks for the rest). */
export const emptyChoice = (id = 'choice-1', next = ''): ChoiceInput => ({
  id,
  text: '',
  stance: 'partnering',
  markers: [],
  effects: {},
  next,
});

function newNode(kind: NodeKind): NodeInput {
  if (kind === 'moment') return { kind, client: '', choices: [emptyChoice()] };
  if (kind === 'route') return { kind, routes: [{ next: '' }] };
  return { kind, outcome: 'progress', client: '', summary: '' };
}

function checkNodeId(doc: DraftDoc, id: string): void {
  if (!NODE_ID.test(id))
    throw new EditError(`"${id}" cannot be a node id: use lower-case letters, digits and single hyphens, e.g. second-moment.`);
  if (hasNode(doc, id)) throw new EditError(`There is already a node called "${id}".`);
}

/** Point one choice or route of `from` at `target`. */
function link(doc: DraftDoc, from: LinkFrom, target: string): DraftDoc {
  const source = getNode(doc, from.nodeId);
  if (source.kind === 'ending') throw new EditError(`"${from.nodeId}" is an ending: nothing leads on from an ending.`);
  if (source.kind === 'moment') {
    const choices = [...source.choices];
    const i = from.choiceIndex ?? choices.findIndex((c) => !c.next);
    if (i >= choices.length) throw new EditError(`"${from.nodeId}" has no choice ${i + 1}.`);
    if (i < 0) {
      const ids = new Set(choices.map((c) => c.id));
      choices.push(
        emptyChoice(
          numberedId('choice', (id) => ids.has(id), choices.length + 1),
          target,
        ),
      );
    } else choices[i] = { ...choices[i]!, next: target };
    return withNode(doc, from.nodeId, { ...source, choices });
  }
  const routes = [...source.routes];
  const i = from.routeIndex ?? routes.findIndex((r) => !r.next);
  if (i >= routes.length) throw new EditError(`"${from.nodeId}" has no route ${i + 1}.`);
  if (i < 0) routes.push({ next: target });
  else routes[i] = { ...routes[i]!, next: target };
  return withNode(doc, from.nodeId, { ...source, routes });
}

/**
 * Add a node of `kind` (id `moment-2`, `ending-3`... unless given) and optionally link it from a
 * choice or route. Without an index, the first empty link is used, else a new one is added.
 */
export function addNode(doc: DraftDoc, kind: NodeKind, opts: { id?: string; linkFrom?: LinkFrom } = {}): { doc: DraftDoc; nodeId: string } {
  let nodeId = opts.id;
  if (nodeId !== undefined) checkNodeId(doc, nodeId);
  else {
    const sameKind = Object.values(doc.nodes).filter((n) => n.kind === kind).length;
    nodeId = numberedId(kind, (id) => hasNode(doc, id), sameKind + 1);
  }
  let next = withNode(doc, nodeId, newNode(kind));
  if (opts.linkFrom) next = link(next, opts.linkFrom, nodeId);
  return { doc: next, nodeId };
}

/** Replace every link to `from` (start, choices, routes, drift notes) with `to`. */
function relinkAll(doc: DraftDoc, from: string, to: string): DraftDoc {
  const nodes = mapNodes(doc, (node) => {
    if (node.kind === 'moment' && node.choices.some((c) => c.next === from))
      return { ...node, choices: node.choices.map((c) => (c.next === from ? { ...c, next: to } : c)) };
    if (node.kind === 'route' && node.routes.some((r) => r.next === from))
      return { ...node, routes: node.routes.map((r) => (r.next === from ? { ...r, next: to } : r)) };
    return node;
  });
  let out: DraftDoc = nodes === doc.nodes ? doc : { ...doc, nodes };
  if (out.start === from) out = { ...out, start: to };
  const notes = out.facilitator?.driftNotes;
  if (out.facilitator && notes?.some((n) => n.node === from))
    out = { ...out, facilitator: { ...out.facilitator, driftNotes: notes.map((n) => (n.node === from ? { ...n, node: to } : n)) } };
  return out;
}

/** Delete a node; every link to it becomes '' so the problems panel lists what needs a new target. */
export function deleteNode(doc: DraftDoc, nodeId: string): DraftDoc {
  if (!hasNode(doc, nodeId)) return doc;
  const nodes = { ...doc.nodes };
  delete nodes[nodeId];
  return relinkAll({ ...doc, nodes }, nodeId, '');
}

/** Rename a node; start, every choice/route `next` and the facilitator's drift notes follow. */
export function renameNode(doc: DraftDoc, from: string, to: string): DraftDoc {
  getNode(doc, from);
  if (from === to) return doc;
  checkNodeId(doc, to);
  return relinkAll({ ...doc, nodes: renameKey(doc.nodes, from, to) }, from, to);
}

/**
 * Change a node's kind. Client text is kept between moments and endings; a moment's first link
 * becomes a route node's fallback and a route node's fallback becomes the new moment's choice.
 */
export function setNodeKind(doc: DraftDoc, nodeId: string, kind: NodeKind): DraftDoc {
  const node = getNode(doc, nodeId);
  if (node.kind === kind) return doc;
  const client = node.kind === 'route' ? '' : node.client;
  if (kind === 'ending') return withNode(doc, nodeId, { kind, outcome: 'progress', client, summary: '' });
  if (kind === 'moment') {
    const next = node.kind === 'route' ? ((node.routes.find((r) => !r.when) ?? node.routes.at(-1))?.next ?? '') : '';
    return withNode(doc, nodeId, { kind, client, choices: [emptyChoice('choice-1', next)] });
  }
  const next = node.kind === 'moment' ? (node.choices[0]?.next ?? '') : '';
  return withNode(doc, nodeId, { kind, routes: [{ next }] });
}

export interface NodePatch {
  client?: string;
  narration?: string | undefined;
  cue?: Extract<NodeInput, { kind: 'moment' }>['cue'];
  outcome?: Extract<NodeInput, { kind: 'ending' }>['outcome'];
  summary?: string;
}

const FIELDS: Readonly<Record<NodeKind, readonly (keyof NodePatch)[]>> = {
  moment: ['client', 'narration', 'cue'],
  ending: ['client', 'outcome', 'summary'],
  route: [],
};
const OPTIONAL: readonly string[] = ['narration', 'cue'];

/**
 * Change a node's text fields. Fields the kind does not have are ignored; clearing an optional
 * field (narration, cue) to '' or undefined removes it.
 */
export function updateNode(doc: DraftDoc, nodeId: string, patch: NodePatch): DraftDoc {
  const node = getNode(doc, nodeId);
  const out: Record<string, unknown> = { ...node };
  let changed = false;
  for (const key of FIELDS[node.kind]) {
    if (!Object.hasOwn(patch, key)) continue;
    const value = patch[key];
    if (value === undefined || (value === '' && OPTIONAL.includes(key))) {
      if (key in out) changed = true;
      delete out[key];
    } else if (out[key] !== value) {
      out[key] = value;
      changed = true;
    }
  }
  return changed ? withNode(doc, nodeId, out as NodeInput) : doc;
}
