import {
  EditError,
  NODE_ID,
  getKind,
  moveItem,
  numberedId,
  patchObject,
  uniqueId,
  withNode,
  type ChoiceInput,
  type DraftDoc,
  type RouteInput,
} from './doc';
import { emptyChoice } from './node-ops';

const OPTIONAL_TEXT: readonly string[] = ['feedback', 'reflect', 'partneringAlternative'];

function checkIndex(length: number, index: number, noun: string, nodeId: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) throw new EditError(`"${nodeId}" has no ${noun} ${index + 1}.`);
}

// ---- choices (moments) ----

/** Append a choice (default: an empty partnering choice with a fresh id). */
export function addChoice(doc: DraftDoc, nodeId: string, choice: Partial<ChoiceInput> = {}): DraftDoc {
  const node = getKind(doc, nodeId, 'moment');
  const ids = new Set(node.choices.map((c) => c.id));
  if (choice.id !== undefined && ids.has(choice.id)) throw new EditError(`"${nodeId}" already has a choice called "${choice.id}".`);
  const id = choice.id ?? numberedId('choice', (c) => ids.has(c), node.choices.length + 1);
  return withNode(doc, nodeId, { ...node, choices: [...node.choices, { ...emptyChoice(id), ...choice, id }] });
}

/**
 * Change fields of one choice. `effects` and `markers` are replaced whole. Clearing feedback,
 * reflect or partneringAlternative to '' removes the field. Ids are not checked here (typing
 * passes through invalid states); the problems panel reports duplicates.
 */
export function updateChoice(doc: DraftDoc, nodeId: string, index: number, patch: Partial<ChoiceInput>): DraftDoc {
  const node = getKind(doc, nodeId, 'moment');
  checkIndex(node.choices.length, index, 'choice', nodeId);
  const choices = [...node.choices];
  choices[index] = patchObject(choices[index]!, patch, OPTIONAL_TEXT);
  return withNode(doc, nodeId, { ...node, choices });
}

/**
 * Rename one choice (on Enter or leaving the field, not per keystroke): a lower-case id, unique
 * within its moment, since saved progress refers to it.
 */
export function renameChoice(doc: DraftDoc, nodeId: string, index: number, to: string): DraftDoc {
  const node = getKind(doc, nodeId, 'moment');
  checkIndex(node.choices.length, index, 'choice', nodeId);
  if (node.choices[index]!.id === to) return doc;
  if (!NODE_ID.test(to))
    throw new EditError(`"${to}" cannot be a choice id: use lower-case letters, digits and single hyphens, e.g. ask-first.`);
  if (node.choices.some((c, i) => i !== index && c.id === to)) throw new EditError(`"${nodeId}" already has a choice called "${to}".`);
  return updateChoice(doc, nodeId, index, { id: to });
}

export function moveChoice(doc: DraftDoc, nodeId: string, from: number, to: number): DraftDoc {
  const node = getKind(doc, nodeId, 'moment');
  const choices = moveItem(node.choices, from, to);
  return choices === node.choices ? doc : withNode(doc, nodeId, { ...node, choices: [...choices] });
}

/** Copy a choice right after itself, with a new id unique in the moment (`ask-copy`, `ask-copy-2`...). */
export function duplicateChoice(doc: DraftDoc, nodeId: string, index: number): DraftDoc {
  const node = getKind(doc, nodeId, 'moment');
  checkIndex(node.choices.length, index, 'choice', nodeId);
  const original = node.choices[index]!;
  const ids = new Set(node.choices.map((c) => c.id));
  const id = uniqueId(`${original.id || 'choice'}-copy`, (c) => ids.has(c));
  const choices = [...node.choices];
  choices.splice(index + 1, 0, structuredClone({ ...original, id }));
  return withNode(doc, nodeId, { ...node, choices });
}

/** Remove a choice (even the last one: the problems panel then asks for a choice). */
export function deleteChoice(doc: DraftDoc, nodeId: string, index: number): DraftDoc {
  const node = getKind(doc, nodeId, 'moment');
  checkIndex(node.choices.length, index, 'choice', nodeId);
  return withNode(doc, nodeId, { ...node, choices: node.choices.filter((_, i) => i !== index) });
}

// ---- routes (route nodes) ----

/**
 * Add a route. It goes just before the fallback (the route without `when`) so it can be taken,
 * with a condition on the first meter for the author to adjust.
 */
export function addRoute(doc: DraftDoc, nodeId: string, route?: RouteInput): DraftDoc {
  const node = getKind(doc, nodeId, 'route');
  const meter = Object.keys(doc.meters)[0];
  const fresh: RouteInput = route ?? (meter ? { when: { [meter]: { gte: 50 } }, next: '' } : { next: '' });
  const fallback = node.routes.findIndex((r) => !r.when);
  const routes = [...node.routes];
  routes.splice(fallback === -1 ? routes.length : fallback, 0, fresh);
  return withNode(doc, nodeId, { ...node, routes });
}

/** Change a route; `when: undefined` makes it the unconditional fallback. */
export function updateRoute(doc: DraftDoc, nodeId: string, index: number, patch: Partial<RouteInput>): DraftDoc {
  const node = getKind(doc, nodeId, 'route');
  checkIndex(node.routes.length, index, 'route', nodeId);
  const routes = [...node.routes];
  routes[index] = patchObject(routes[index]!, patch);
  return withNode(doc, nodeId, { ...node, routes });
}

export function moveRoute(doc: DraftDoc, nodeId: string, from: number, to: number): DraftDoc {
  const node = getKind(doc, nodeId, 'route');
  const routes = moveItem(node.routes, from, to);
  return routes === node.routes ? doc : withNode(doc, nodeId, { ...node, routes: [...routes] });
}

export function deleteRoute(doc: DraftDoc, nodeId: string, index: number): DraftDoc {
  const node = getKind(doc, nodeId, 'route');
  checkIndex(node.routes.length, index, 'route', nodeId);
  return withNode(doc, nodeId, { ...node, routes: node.routes.filter((_, i) => i !== index) });
}
