// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticDraft } from '../components/branch-map/synthetic-draft';
import type { DraftDoc } from '../domain/edit/doc';
import { commit, createHistory, redo, undo, undoLabel, redoLabel, type History } from '../domain/edit/history';
import { addNode, deleteNode, renameNode, updateNode } from '../domain/edit/node-ops';
import { updateMeta } from '../domain/edit/ops';
import { tinyScenario } from '../testing/fixtures';
import { HISTORY_BUDGET, historyKey, loadHistory, parseHistory, saveHistory, serializeHistory } from './draft-history';

/*
 * Undo history of a big draft across a reload (draft-history.ts). What the editor opens after a
 * reload is the doc read back from IndexedDB: a copy, not the objects the history was made of,
 * so `stored` below is a structured clone.
 */

afterEach(() => sessionStorage.clear());

const json = (docs: readonly DraftDoc[]) => docs.map((d) => JSON.stringify(d));
const stored = (doc: DraftDoc): DraftDoc => structuredClone(doc);

/** A 2,000-node draft and a few edits of the kinds an author makes, two of them undone. */
function editedBigDraft(): History<DraftDoc> {
  let doc = syntheticDraft(2000);
  let h = createHistory(doc);
  const edit = (next: DraftDoc, label: string) => {
    doc = next;
    h = commit(h, next, { label });
  };
  edit(updateNode(doc, 'moment-5', { client: 'I said yes again this morning.' }), 'edit moment-5');
  edit(updateMeta(doc, { title: 'A long draft' }), 'edit title');
  const added = addNode(doc, 'moment');
  edit(added.doc, `add ${added.nodeId}`);
  edit(deleteNode(doc, 'moment-7'), 'delete moment-7');
  edit(renameNode(doc, 'moment-8', 'the-pivot'), 'rename moment-8');
  edit(updateNode(doc, 'moment-11', { client: 'Nobody asked me first.' }), 'edit moment-11');
  return undo(undo(h));
}

describe('undo history of a 2,000-node draft across a reload', () => {
  it('round-trips every undo and redo step, a few kB each', () => {
    const h = editedBigDraft();
    expect(JSON.stringify(h.present).length).toBeGreaterThan(HISTORY_BUDGET); // one doc is over the whole budget
    saveHistory('big', h);
    const text = sessionStorage.getItem(historyKey('big'))!;
    expect(text).toBeTruthy();
    // A text edit's step is the node it touched (~1.3 kB); undoing a delete or redoing a rename
    // also lists the node order (~29 kB at 2,000 nodes). One whole doc was 1.7 M characters.
    expect(text.length).toBeLessThan(70_000);

    const loaded = loadHistory('big', stored(h.present))!;
    expect(loaded).toBeDefined();
    expect(json(loaded.past)).toEqual(json(h.past));
    expect(json(loaded.future)).toEqual(json(h.future));
    expect(JSON.stringify(loaded.present)).toBe(JSON.stringify(h.present));
    expect(undoLabel(loaded)).toBe('delete moment-7');
    expect(redoLabel(loaded)).toBe('rename moment-8');

    // Undo all the way back and redo all the way forward from the reloaded history.
    let back = loaded;
    while (back.past.length) back = undo(back);
    expect(JSON.stringify(back.present)).toBe(JSON.stringify(syntheticDraft(2000)));
    let forward = back;
    while (forward.future.length) forward = redo(forward);
    expect(JSON.stringify(forward.present)).toBe(JSON.stringify(h.future.at(-1)));
  });

  it('typing in one node after another costs about a kB a step', () => {
    let h = createHistory(syntheticDraft(2000));
    const moments = Object.keys(h.present.nodes).filter((id) => id.startsWith('moment-'));
    for (let i = 0; i < 40; i++) h = commit(h, updateNode(h.present, moments[i]!, { client: `Edit ${i}.` }));
    saveHistory('big', h);
    expect(sessionStorage.getItem(historyKey('big'))!.length).toBeLessThan(40 * 2_000);
    expect(loadHistory('big', stored(h.present))!.past).toHaveLength(40);
  });

  it('a history of a draft that changed in another tab is dropped, not applied to the new doc', () => {
    const h = editedBigDraft();
    saveHistory('big', h);
    const theirs = updateNode(stored(h.present), 'moment-20', { client: 'Changed in another tab.' });
    expect(loadHistory('big', theirs)).toBeUndefined();
    // The editor opens the draft with no undo: loadHistory(...) ?? createHistory(doc).
    expect(loadHistory('big', stored(h.present))).toBeDefined();
  });

  it('a history whose steps no longer apply is dropped whole, never applied in part', () => {
    const h = editedBigDraft();
    const text = serializeHistory(h)!;
    const data = JSON.parse(text) as { past: { order?: string[]; nodes: Record<string, unknown> }[] };
    // The oldest step's node order names a node that is not there.
    const broken = { ...data, past: data.past.map((p, i) => (i === 0 ? { ...p, order: ['opening', 'no-such-node'] } : p)) };
    expect(parseHistory(JSON.stringify(broken), stored(h.present))).toBeUndefined();
    // A step that would make a node the editor cannot open.
    const bad = {
      ...data,
      past: data.past.map((p, i) => (i === 1 ? { ...p, nodes: { ...p.nodes, 'moment-3': { kind: 'nonsense' } } } : p)),
    };
    expect(parseHistory(JSON.stringify(bad), stored(h.present))).toBeUndefined();
    expect(parseHistory(text, stored(h.present))).toBeDefined();
  });
});

describe('undo history read back against the doc the editor opens', () => {
  it('does not depend on the order of the top-level fields', () => {
    // An imported scenario has `facilitator` after `nodes`; the same doc read back from the
    // session stash (a patch applied to the stored doc) has `nodes` last.
    const { nodes, ...fields } = tinyScenario();
    const imported: DraftDoc = { ...fields, nodes, facilitator: { objectives: ['Notice the pull to agree.'], discussion: [] } };
    const h = commit(createHistory(imported), updateMeta(imported, { title: 'Retitled' }));
    saveHistory('small', h);
    const { nodes: n, ...rest } = stored(h.present);
    const fromStash = { ...rest, nodes: n } as DraftDoc;
    expect(JSON.stringify(fromStash)).not.toBe(JSON.stringify(h.present));
    expect(loadHistory('small', fromStash)?.past.map((d) => d.title)).toEqual(['Tiny']);
  });

  it('still reads a history stored whole (format 1) by the previous version, in the same tab', () => {
    const a = { ...tinyScenario(), title: 'A' };
    const b = { ...tinyScenario(), title: 'B' };
    sessionStorage.setItem(historyKey('old'), JSON.stringify({ v: 1, present: b, past: [a], future: [] }));
    expect(loadHistory('old', stored(b))?.past.map((d) => d.title)).toEqual(['A']);
    expect(loadHistory('old', { ...b, title: 'Changed elsewhere' })).toBeUndefined();
  });
});
