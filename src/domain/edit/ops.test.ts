import { describe, expect, it } from 'vitest';
import { validateScenarioData } from '../source';
import { tinyScenario } from '../../testing/fixtures';
import {
  EditError,
  addChoice,
  addNode,
  addRoute,
  blankScenario,
  deleteChoice,
  deleteMeter,
  deleteNode,
  deleteRoute,
  duplicateChoice,
  moveChoice,
  moveRoute,
  renameMeter,
  renameNode,
  setMeter,
  setNodeKind,
  updateChoice,
  updateMeta,
  updateNode,
  updateRoute,
  type DraftDoc,
  type MomentInput,
  type RouteNodeInput,
} from './ops';

/** Deep-freeze so any mutation of the input throws in strict mode. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}
const tiny = (): DraftDoc => {
  const doc = tinyScenario();
  return frozen({
    ...doc,
    facilitator: {
      objectives: ['Hold the agenda.'],
      discussion: ['What helped?', 'What hurt?'],
      driftNotes: [{ node: 'middle', note: 'Watch here.' }],
    },
  });
};
const moment = (doc: DraftDoc, id: string) => doc.nodes[id] as MomentInput;
const route = (doc: DraftDoc, id: string) => doc.nodes[id] as RouteNodeInput;
const errors = (doc: DraftDoc) => validateScenarioData(doc).problems.filter((p) => p.severity === 'error');

describe('blankScenario', () => {
  it('is a valid scenario with one moment, one partnering choice and one ending', () => {
    const doc = blankScenario('my-scenario', 'Mine');
    expect(errors(doc)).toEqual([]);
    expect(doc).toMatchObject({ schemaVersion: 2, id: 'my-scenario', title: 'Mine' });
    expect(Object.keys(doc.meters)).toEqual(['trust', 'ownership']);
    const kinds = Object.values(doc.nodes).map((n) => n.kind);
    expect(kinds).toEqual(['moment', 'ending']);
    expect(moment(doc, doc.start).choices.map((c) => c.stance)).toEqual(['partnering']);
  });
});

describe('metadata and meters', () => {
  it('updates metadata and removes fields set to undefined', () => {
    const doc = updateMeta({ ...tiny(), temptation: 'directing' }, { title: 'New title', temptation: undefined });
    expect(doc.title).toBe('New title');
    expect('temptation' in doc).toBe(false);
  });

  it('adds and changes meters', () => {
    let doc = setMeter(tiny(), 'selfBelief', { label: 'Self-belief', initial: 30 });
    expect(doc.meters.selfBelief).toEqual({ label: 'Self-belief', initial: 30 });
    doc = setMeter(doc, 'trust', { initial: 70 });
    expect(doc.meters.trust).toEqual({ label: 'Trust', initial: 70 });
    expect(() => setMeter(doc, 'Bad Id', {})).toThrow(EditError);
  });

  it('renames a meter in effects and route conditions, keeping its place', () => {
    const before = tiny();
    const doc = renameMeter(before, 'ownership', 'agency');
    expect(Object.keys(doc.meters)).toEqual(['trust', 'agency']);
    expect(moment(doc, 'opening').choices[0]!.effects).toEqual({ trust: 10, agency: 15 });
    expect(route(doc, 'check').routes[0]!.when).toEqual({ agency: { gte: 60 } });
    expect(doc.nodes.breakthrough).toBe(before.nodes.breakthrough);
    expect(errors(doc)).toEqual([]);
  });

  it('refuses a meter rename onto an existing meter or an invalid id', () => {
    expect(() => renameMeter(tiny(), 'ownership', 'trust')).toThrow(/already a meter/);
    expect(() => renameMeter(tiny(), 'ownership', 'own-ership')).toThrow(EditError);
    expect(() => renameMeter(tiny(), 'nope', 'x')).toThrow(/no meter/);
  });

  it('deletes a meter: effects go, route conditions stay as problems', () => {
    const doc = deleteMeter(tiny(), 'ownership');
    expect(Object.keys(doc.meters)).toEqual(['trust']);
    expect(moment(doc, 'opening').choices[0]!.effects).toEqual({ trust: 10 });
    expect(route(doc, 'check').routes[0]!.when).toEqual({ ownership: { gte: 60 } });
    expect(errors(doc).map((p) => p.rule)).toEqual(['unknown-meter']);
  });
});

describe('nodes', () => {
  it('adds numbered nodes that are unique', () => {
    const a = addNode(tiny(), 'moment');
    expect(a.nodeId).toBe('moment-3');
    expect(a.doc.nodes['moment-3']).toEqual({
      kind: 'moment',
      client: '',
      choices: [{ id: 'choice-1', text: '', stance: 'partnering', markers: [], effects: {}, next: '' }],
    });
    const b = addNode(a.doc, 'moment');
    expect(b.nodeId).toBe('moment-4');
    expect(addNode(tiny(), 'ending').nodeId).toBe('ending-4');
    expect(addNode(tiny(), 'route', { id: 'gate' }).doc.nodes.gate).toEqual({ kind: 'route', routes: [{ next: '' }] });
    expect(() => addNode(tiny(), 'route', { id: 'opening' })).toThrow(/already a node/);
  });

  it('links a new node from a choice or a route', () => {
    const { doc, nodeId } = addNode(tiny(), 'ending', { linkFrom: { nodeId: 'middle', choiceIndex: 1 } });
    expect(moment(doc, 'middle').choices[1]!.next).toBe(nodeId);
    const r = addNode(tiny(), 'moment', { linkFrom: { nodeId: 'check', routeIndex: 2 } });
    expect(route(r.doc, 'check').routes[2]!.next).toBe(r.nodeId);
    // Without an index: a new choice is added when none is empty.
    const c = addNode(tiny(), 'moment', { linkFrom: { nodeId: 'opening' } });
    expect(moment(c.doc, 'opening').choices.at(-1)).toMatchObject({ id: 'choice-4', next: c.nodeId });
    expect(() => addNode(tiny(), 'moment', { linkFrom: { nodeId: 'stalled' } })).toThrow(/ending/);
  });

  it('deletes a node and leaves empty links where it was referenced', () => {
    const doc = deleteNode(tiny(), 'middle');
    expect('middle' in doc.nodes).toBe(false);
    expect(moment(doc, 'opening').choices.map((c) => c.next)).toEqual(['', '', '']);
    expect(doc.facilitator!.driftNotes![0]!.node).toBe('');
    const start = deleteNode(tiny(), 'opening');
    expect(start.start).toBe('');
    expect(errors(doc).length).toBeGreaterThan(0);
  });

  it('renames a node and every reference follows', () => {
    const doc = renameNode(tiny(), 'middle', 'being-liked');
    expect(Object.keys(doc.nodes)).toEqual(['opening', 'being-liked', 'check', 'breakthrough', 'stalled', 'rupture']);
    expect(moment(doc, 'opening').choices.every((c) => c.next === 'being-liked')).toBe(true);
    expect(doc.facilitator!.driftNotes![0]!.node).toBe('being-liked');
    expect(renameNode(tiny(), 'opening', 'start-here').start).toBe('start-here');
    const routes = renameNode(tiny(), 'stalled', 'stuck');
    expect(route(routes, 'check').routes[2]!.next).toBe('stuck');
    expect(errors(doc)).toEqual([]);
  });

  it('refuses a rename on a clash or an invalid id', () => {
    expect(() => renameNode(tiny(), 'middle', 'opening')).toThrow(/already a node/);
    expect(() => renameNode(tiny(), 'middle', 'Middle Bit')).toThrow(EditError);
    expect(() => renameNode(tiny(), 'nope', 'x')).toThrow(/no node/);
    const same = tiny();
    expect(renameNode(same, 'middle', 'middle')).toBe(same);
  });

  it('changes kind, keeping client text and links where it can', () => {
    const ending = setNodeKind(tiny(), 'middle', 'ending');
    expect(ending.nodes.middle).toEqual({ kind: 'ending', outcome: 'progress', client: 'I suppose it is about being liked.', summary: '' });
    const back = setNodeKind(ending, 'middle', 'moment');
    expect(moment(back, 'middle').client).toBe('I suppose it is about being liked.');
    const asRoute = setNodeKind(tiny(), 'middle', 'route');
    expect(asRoute.nodes.middle).toEqual({ kind: 'route', routes: [{ next: 'check' }] });
    const fromRoute = setNodeKind(tiny(), 'check', 'moment');
    expect(moment(fromRoute, 'check').choices[0]!.next).toBe('stalled');
  });

  it('updates node fields for its kind and clears optional ones', () => {
    let doc = updateNode(tiny(), 'opening', { client: 'New line', narration: 'She pauses.' });
    expect(moment(doc, 'opening')).toMatchObject({ client: 'New line', narration: 'She pauses.' });
    doc = updateNode(doc, 'opening', { narration: '', cue: undefined });
    expect('narration' in moment(doc, 'opening')).toBe(false);
    expect('cue' in moment(doc, 'opening')).toBe(false);
    doc = updateNode(doc, 'stalled', { outcome: 'progress', summary: 'Some movement.' });
    expect(doc.nodes.stalled).toMatchObject({ outcome: 'progress', summary: 'Some movement.' });
    const unchanged = tiny();
    expect(updateNode(unchanged, 'check', { client: 'ignored' })).toBe(unchanged);
  });
});

describe('choices', () => {
  it('adds a choice with a unique id, and refuses a duplicate id', () => {
    const doc = addChoice(tiny(), 'middle');
    expect(moment(doc, 'middle').choices[2]).toMatchObject({ id: 'choice-3', stance: 'partnering', next: '' });
    expect(addChoice(tiny(), 'middle', { stance: 'avoiding' }).nodes.middle).toMatchObject({ choices: [{}, {}, { stance: 'avoiding' }] });
    expect(() => addChoice(tiny(), 'middle', { id: 'explore' })).toThrow(/already has a choice/);
    expect(() => addChoice(tiny(), 'check')).toThrow(/not a moment/);
  });

  it('relinks and edits a choice, clearing optional text to nothing', () => {
    let doc = updateChoice(tiny(), 'opening', 1, { next: 'check', feedback: '' });
    const choice = moment(doc, 'opening').choices[1]!;
    expect(choice.next).toBe('check');
    expect('feedback' in choice).toBe(false);
    doc = updateChoice(doc, 'opening', 1, { effects: { trust: 3 } });
    expect(moment(doc, 'opening').choices[1]!.effects).toEqual({ trust: 3 });
    expect(() => updateChoice(tiny(), 'opening', 5, { text: 'x' })).toThrow(/no choice 6/);
  });

  it('reorders choices and ignores moves out of range', () => {
    const doc = moveChoice(tiny(), 'opening', 0, 2);
    expect(moment(doc, 'opening').choices.map((c) => c.id)).toEqual(['tell', 'soothe', 'ask']);
    const same = tiny();
    expect(moveChoice(same, 'opening', 0, 9)).toBe(same);
  });

  it('duplicates a choice right after itself with a new id', () => {
    let doc = duplicateChoice(tiny(), 'opening', 0);
    expect(moment(doc, 'opening').choices.map((c) => c.id)).toEqual(['ask', 'ask-copy', 'tell', 'soothe']);
    expect(moment(doc, 'opening').choices[1]).toMatchObject({ text: 'What would you like from today?', next: 'middle' });
    doc = duplicateChoice(doc, 'opening', 0);
    expect(moment(doc, 'opening').choices[1]!.id).toBe('ask-copy-2');
    expect(moment(doc, 'opening').choices[1]!.effects).not.toBe(moment(doc, 'opening').choices[0]!.effects);
  });

  it('deletes a choice', () => {
    const doc = deleteChoice(tiny(), 'opening', 1);
    expect(moment(doc, 'opening').choices.map((c) => c.id)).toEqual(['ask', 'soothe']);
  });
});

describe('routes', () => {
  it('adds a route before the fallback, edits, reorders and deletes', () => {
    let doc = addRoute(tiny(), 'check');
    expect(route(doc, 'check').routes.map((r) => r.next)).toEqual(['breakthrough', 'rupture', '', 'stalled']);
    expect(route(doc, 'check').routes[2]!.when).toEqual({ trust: { gte: 50 } });
    doc = updateRoute(doc, 'check', 2, { next: 'middle', when: { trust: { gt: 80 } } });
    expect(route(doc, 'check').routes[2]).toEqual({ when: { trust: { gt: 80 } }, next: 'middle' });
    doc = updateRoute(doc, 'check', 2, { when: undefined });
    expect(route(doc, 'check').routes[2]).toEqual({ next: 'middle' });
    doc = moveRoute(doc, 'check', 2, 0);
    expect(route(doc, 'check').routes.map((r) => r.next)).toEqual(['middle', 'breakthrough', 'rupture', 'stalled']);
    doc = deleteRoute(doc, 'check', 0);
    expect(route(doc, 'check').routes.map((r) => r.next)).toEqual(['breakthrough', 'rupture', 'stalled']);
  });
});

describe('immutability', () => {
  it('never mutates its input and shares untouched parts', () => {
    const before = tiny(); // frozen: a mutation would throw
    const snapshot = JSON.stringify(before);
    const after = updateChoice(before, 'opening', 0, { text: 'Changed' });
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after.nodes.middle).toBe(before.nodes.middle);
    expect(after.meters).toBe(before.meters);
    expect(moment(after, 'opening').choices[1]).toBe(moment(before, 'opening').choices[1]);
  });
});
