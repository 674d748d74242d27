import type { ScenarioInput } from '../schema';

/**
 * A scenario as the author wrote it. It may have problems (empty text, links to nowhere): drafts
 * are saved whatever state they are in, and the problems panel guides the author.
 */
export type DraftDoc = ScenarioInput;
export type NodeInput = DraftDoc['nodes'][string];
export type MomentInput = Extract<NodeInput, { kind: 'moment' }>;
export type RouteNodeInput = Extract<NodeInput, { kind: 'route' }>;
export type EndingInput = Extract<NodeInput, { kind: 'ending' }>;
export type ChoiceInput = MomentInput['choices'][number];
export type RouteInput = RouteNodeInput['routes'][number];
export type NodeKind = NodeInput['kind'];
export type MeterInput = DraftDoc['meters'][string];

/** A refused edit; `message` is written for the author and can be shown as is. */
export class EditError extends Error {
  override readonly name = 'EditError';
}

export const NODE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const METER_ID = /^[a-z][a-zA-Z0-9]*$/;

export const hasNode = (doc: DraftDoc, id: string): boolean => Object.hasOwn(doc.nodes, id);

export function getNode(doc: DraftDoc, id: string): NodeInput {
  if (!hasNode(doc, id)) throw new EditError(`There is no node called "${id}".`);
  return doc.nodes[id]!;
}

export function getKind<K extends NodeKind>(doc: DraftDoc, id: string, kind: K): Extract<NodeInput, { kind: K }> {
  const node = getNode(doc, id);
  if (node.kind !== kind)
    throw new EditError(
      `"${id}" is ${node.kind === 'ending' ? 'an ending' : `a ${node.kind}`}, not ${kind === 'ending' ? 'an ending' : `a ${kind}`}.`,
    );
  return node as Extract<NodeInput, { kind: K }>;
}

/** A copy of `doc` with one node replaced (same position in the node order). */
export const withNode = (doc: DraftDoc, id: string, node: NodeInput): DraftDoc => ({ ...doc, nodes: { ...doc.nodes, [id]: node } });

/** `base`, else `base-2`, `base-3`... the first one not `taken`. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  return taken(base) ? numberedId(base, taken, 2) : base;
}

/** `prefix-from`, `prefix-(from+1)`... the first one not `taken`. */
export function numberedId(prefix: string, taken: (id: string) => boolean, from: number): string {
  for (let n = Math.max(1, from); ; n++) if (!taken(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Rebuild a record with one key renamed, keeping its position (YAML and the map keep order). */
export function renameKey<V>(record: Readonly<Record<string, V>>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** Shallow patch where `undefined` (and '' for optional text) removes the field. */
export function patchObject<T extends object>(obj: T, patch: Partial<T>, optionalText: readonly string[] = []): T {
  const out = { ...obj } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || (v === '' && optionalText.includes(k))) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/** Move an array item; out-of-range indexes leave the array as it is. */
export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** Map every node; returns the same nodes object when nothing changed. */
export function mapNodes(doc: DraftDoc, fn: (node: NodeInput, id: string) => NodeInput): DraftDoc['nodes'] {
  let changed = false;
  const out: Record<string, NodeInput> = {};
  for (const [id, node] of Object.entries(doc.nodes)) {
    const next = fn(node, id);
    if (next !== node) changed = true;
    out[id] = next;
  }
  return changed ? out : doc.nodes;
}
