/**
 * Pure edit operations on a draft scenario. Every op returns a new document and shares the parts
 * it did not touch (cheap undo history, cheap React memoisation); none mutates its input.
 * References never vanish silently: deleting a node leaves '' where it was linked, so the problems
 * panel points at every link that needs a new target.
 */
import { EditError, METER_ID, mapNodes, renameKey, type DraftDoc, type MeterInput } from './doc';

export { EditError, mapNodes } from './doc';
export type { DraftDoc, NodeInput, MomentInput, RouteNodeInput, EndingInput, ChoiceInput, RouteInput, NodeKind, MeterInput } from './doc';
export { addNode, deleteNode, renameNode, setNodeKind, updateNode, type NodePatch, type LinkFrom } from './node-ops';
export {
  addChoice,
  updateChoice,
  renameChoice,
  moveChoice,
  duplicateChoice,
  deleteChoice,
  addRoute,
  updateRoute,
  moveRoute,
  deleteRoute,
} from './item-ops';

/** A new, valid scenario: one moment with one partnering choice into one ending. */
export function blankScenario(id = 'new-scenario', title = 'Untitled scenario'): DraftDoc {
  return {
    schemaVersion: 2,
    id,
    title,
    summary: 'Describe the situation the trainee will coach in one or two sentences.',
    estimatedMinutes: 10,
    competencies: [3],
    client: { name: 'Client', role: 'Role of the client', background: 'Who the client is and why they came to coaching.' },
    meters: { trust: { label: 'Trust', initial: 50 }, ownership: { label: 'Ownership', initial: 40 } },
    start: 'opening',
    nodes: {
      opening: {
        kind: 'moment',
        client: 'What the client says first.',
        choices: [
          {
            id: 'invite',
            text: 'What would you like to get from our time today?',
            stance: 'partnering',
            markers: ['3.1'],
            effects: { trust: 5, ownership: 10 },
            feedback: 'Invites the client to set the agenda.',
            next: 'ending',
          },
        ],
      },
      ending: { kind: 'ending', outcome: 'progress', client: 'What the client says last.', summary: 'What changed for the client.' },
    },
  };
}

export type MetaPatch = Partial<
  Pick<DraftDoc, 'id' | 'title' | 'summary' | 'estimatedMinutes' | 'competencies' | 'temptation' | 'client' | 'facilitator' | 'start'>
>;

/** Scenario-level fields; a field set to `undefined` is removed (temptation, facilitator). */
export function updateMeta(doc: DraftDoc, patch: MetaPatch): DraftDoc {
  const out: Record<string, unknown> = { ...doc };
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'schemaVersion' || k === 'nodes' || k === 'meters') continue;
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as DraftDoc;
}

function checkMeterId(id: string): void {
  if (!METER_ID.test(id))
    throw new EditError(
      `"${id}" cannot be a meter id: use one camelCase word starting with a lower-case letter, e.g. trust or selfBelief.`,
    );
}

/** Add a meter or change its label / initial value (0-100). */
export function setMeter(doc: DraftDoc, meterId: string, meter: Partial<MeterInput>): DraftDoc {
  const existing = Object.hasOwn(doc.meters, meterId) ? doc.meters[meterId] : undefined;
  if (!existing) checkMeterId(meterId);
  const next: MeterInput = { label: meterId, initial: 50, ...existing, ...meter };
  return { ...doc, meters: { ...doc.meters, [meterId]: next } };
}

/** Rename a meter; choice effects and route conditions follow. */
export function renameMeter(doc: DraftDoc, from: string, to: string): DraftDoc {
  if (from === to) return doc;
  if (!Object.hasOwn(doc.meters, from)) throw new EditError(`There is no meter called "${from}".`);
  checkMeterId(to);
  if (Object.hasOwn(doc.meters, to)) throw new EditError(`There is already a meter called "${to}".`);
  const nodes = mapNodes(doc, (node) => {
    if (node.kind === 'moment') {
      if (!node.choices.some((c) => c.effects && Object.hasOwn(c.effects, from))) return node;
      return {
        ...node,
        choices: node.choices.map((c) =>
          c.effects && Object.hasOwn(c.effects, from) ? { ...c, effects: renameKey(c.effects, from, to) } : c,
        ),
      };
    }
    if (node.kind === 'route') {
      if (!node.routes.some((r) => r.when && Object.hasOwn(r.when, from))) return node;
      return {
        ...node,
        routes: node.routes.map((r) => (r.when && Object.hasOwn(r.when, from) ? { ...r, when: renameKey(r.when, from, to) } : r)),
      };
    }
    return node;
  });
  return { ...doc, meters: renameKey(doc.meters, from, to), nodes };
}

/**
 * Delete a meter. Choice effects on it are removed (they no longer mean anything). Route
 * conditions on it are kept and show as "unknown meter" problems: dropping them would silently
 * change which way the conversation branches.
 */
export function deleteMeter(doc: DraftDoc, meterId: string): DraftDoc {
  if (!Object.hasOwn(doc.meters, meterId)) return doc;
  const meters = { ...doc.meters };
  delete meters[meterId];
  const nodes = mapNodes(doc, (node) => {
    if (node.kind !== 'moment' || !node.choices.some((c) => c.effects && Object.hasOwn(c.effects, meterId))) return node;
    return {
      ...node,
      choices: node.choices.map((c) => {
        if (!c.effects || !Object.hasOwn(c.effects, meterId)) return c;
        const effects = { ...c.effects };
        delete effects[meterId];
        return { ...c, effects };
      }),
    };
  });
  return { ...doc, meters, nodes };
}
