// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromPromise } from 'xstate';
import type { DraftDoc } from '../../domain/edit/ops';
import { updateMeta } from '../../domain/edit/ops';
import { commit, createHistory, type History } from '../../domain/edit/history';
import { HISTORY_IDLE_TIMEOUT_MS } from '../../persistence/draft-history';
import { checkRevision, getStoredDraft, loadHistory, pendingDoc, TAB_ID, type DraftRecord } from '../../persistence/drafts';
import { syntheticDraft } from '../../components/branch-map/synthetic-draft';
import { tinyScenario } from '../../testing/fixtures';
import { autosaveMachine, type SaveInput, type SaveOutput } from './autosave-machine';
import { useAutosave } from './use-autosave';

/**
 * The autosave chart with a fake save (an in-memory store with the real revision rule), provided
 * with `machine.provide(...)`: no module mocks. The session stash is the real sessionStorage.
 */
const store = new Map<string, DraftRecord>();
let failWith: unknown;
let saves: SaveInput[] = [];
/** Resolves the next save only when released (to type during a save). */
let gate: Promise<void> | undefined;

const fakeSave = fromPromise<SaveOutput, SaveInput>(async ({ input }) => {
  saves.push(input);
  if (gate) await gate;
  if (failWith) throw failWith;
  const expected = input.revision ?? store.get(input.draftId)?.revision ?? 0;
  const conflict = checkRevision(input.draftId, store.get(input.draftId), expected);
  if (conflict) throw conflict;
  const title = String(input.doc.title);
  store.set(input.draftId, {
    v: 2,
    id: input.draftId,
    doc: input.doc,
    createdAt: 1,
    updatedAt: Date.now(),
    revision: expected + 1,
    problems: 0,
    errors: 0,
    valid: true,
    title,
  });
  return { doc: input.doc, revision: expected + 1, createdAt: 1 };
});
const machine = autosaveMachine.provide({
  actors: {
    save: fakeSave,
    loadStored: fromPromise<DraftRecord | undefined, { draftId: string }>(async ({ input }) => store.get(input.draftId)),
  },
});

const base = tinyScenario() as DraftDoc;
const titled = (t: string) => updateMeta(base, { title: t });

beforeEach(() => {
  vi.useFakeTimers();
  store.clear();
  store.set('d1', {
    v: 2,
    id: 'd1',
    doc: base,
    createdAt: 1,
    updatedAt: 1,
    revision: 1,
    problems: 0,
    errors: 0,
    valid: true,
    title: 'Tiny',
  });
  failWith = undefined;
  gate = undefined;
  saves = [];
});
afterEach(() => {
  vi.useRealTimers();
  sessionStorage.clear();
  localStorage.clear();
});

/** The unsaved doc a reload would recover: the stash read against the doc stored at `revision`. */
const stashed = (revision: number) => pendingDoc('d1', revision, store.get('d1')?.doc ?? base);

const mount = () =>
  renderHook(({ doc }: { doc: DraftDoc }) => useAutosave('d1', doc, { baseRevision: 1, machine }), { initialProps: { doc: base } });

/** Another tab's message on the drafts channel. */
async function otherTab(message: { type: 'saved'; revision: number } | { type: 'deleted' }) {
  const channel = new BroadcastChannel('catalyst-drafts');
  channel.postMessage({ ...message, id: 'd1', tabId: `not-${TAB_ID}` });
  channel.close();
  await act(() => vi.advanceTimersByTimeAsync(20));
}

describe('useAutosave', () => {
  it('does not save the loaded doc, and saves an edit within 500 ms of the last change', async () => {
    const { result, rerender } = mount();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(saves).toHaveLength(0);
    expect(result.current.status).toBe('saved');

    rerender({ doc: titled('A') });
    expect(result.current.status).toBe('saving');
    rerender({ doc: titled('AB') });
    rerender({ doc: titled('ABC') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(saves).toHaveLength(1);
    expect(store.get('d1')).toMatchObject({ revision: 2, title: 'ABC' });
    expect(result.current.status).toBe('saved');
  });

  it('keeps the session stash current on every change, before the debounce, and clears it once stored', async () => {
    const { rerender } = mount();
    rerender({ doc: titled('K') });
    expect(stashed(1)?.title).toBe('K');
    rerender({ doc: titled('Ke') });
    expect(stashed(1)?.title).toBe('Ke');
    expect(saves).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(stashed(2)).toBeUndefined();
  });

  it('undo back to the stored doc before the debounce says Saved without writing', async () => {
    const { result, rerender } = mount();
    rerender({ doc: titled('Oops') });
    expect(result.current.status).toBe('saving');
    rerender({ doc: base });
    expect(result.current.status).toBe('saved');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(saves).toHaveLength(0);
    expect(stashed(1)).toBeUndefined();
  });

  it('stores edits typed during a save on the new revision, and only then says Saved', async () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const { result, rerender } = mount();
    rerender({ doc: titled('First') });
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(saves).toHaveLength(1);
    rerender({ doc: titled('Second') });
    gate = undefined;
    await act(async () => {
      release();
      await vi.advanceTimersByTimeAsync(0);
    });
    // The first write completed but the screen moved on: not "Saved", and the stash holds the
    // newer doc on the new revision (a reload now would recover it).
    expect(result.current.status).toBe('saving');
    expect(stashed(2)?.title).toBe('Second');
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(store.get('d1')).toMatchObject({ revision: 3, title: 'Second' });
    expect(result.current.status).toBe('saved');
  });

  it('stops and reports a conflict when another tab saved first', async () => {
    const { result, rerender } = mount();
    store.set('d1', { ...store.get('d1')!, revision: 5, title: 'Theirs' });
    rerender({ doc: titled('Mine') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current.status).toBe('conflict');
    expect(result.current.conflict).toEqual({ reason: 'changed' });
    expect(store.get('d1')!.title).toBe('Theirs');
    rerender({ doc: titled('Mine again') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(store.get('d1')!.title).toBe('Theirs');
  });

  it("hears another tab's save or delete before writing anything", async () => {
    const { result } = mount();
    await otherTab({ type: 'saved', revision: 1 });
    expect(result.current.status).toBe('saved');
    await otherTab({ type: 'saved', revision: 2 });
    expect(result.current.status).toBe('conflict');
    const second = mount();
    await otherTab({ type: 'deleted' });
    expect(second.result.current.conflict).toEqual({ reason: 'deleted' });
  });

  it('reloads their version or keeps mine as a copy', async () => {
    const { result, rerender } = mount();
    store.set('d1', { ...store.get('d1')!, revision: 5, doc: titled('Theirs'), title: 'Theirs' });
    rerender({ doc: titled('Mine') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    vi.useRealTimers();
    let copyId = '';
    await act(async () => {
      copyId = await result.current.keepMineAsCopy();
    });
    expect((await getStoredDraft(copyId))!.title).toBe('Mine (my copy)');
    let theirs: DraftRecord | undefined;
    await act(async () => {
      theirs = await result.current.reloadTheirs();
    });
    expect(theirs!.title).toBe('Theirs');
    expect(result.current.status).toBe('saved');
    expect(stashed(5)).toBeUndefined();
  });

  it('says plainly when storage is full, keeps saying so until a save succeeds, and keeps the edit in the stash', async () => {
    failWith = new DOMException('quota', 'QuotaExceededError');
    const { result, rerender } = mount();
    rerender({ doc: titled('X') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current.status).toEqual({ error: expect.stringMatching(/no storage space left.*Export/) });
    expect(stashed(1)?.title).toBe('X');
    // The retry on the next edit fails too: never "Saved" or "Saving…" in between.
    rerender({ doc: titled('XY') });
    expect(result.current.status).toEqual({ error: expect.any(String) });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current.status).toEqual({ error: expect.any(String) });
    expect(stashed(1)?.title).toBe('XY');
    failWith = undefined;
    rerender({ doc: titled('XYZ') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current.status).toBe('saved');
    expect(store.get('d1')!.title).toBe('XYZ');
    expect(stashed(2)).toBeUndefined();
  });

  it('on pagehide writes at once, and the stash already holds the edit', async () => {
    const { rerender } = mount();
    rerender({ doc: titled('Leaving') });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(stashed(1)?.title).toBe('Leaving');
    expect(saves).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(store.get('d1')!.title).toBe('Leaving');
    expect(stashed(2)).toBeUndefined();
  });

  it('leaving with unsaved edits keeps a closing copy that a new tab recovers if the write never lands', async () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const { rerender, unmount } = mount();
    rerender({ doc: titled('Closed mid-write') });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    unmount(); // the tab is gone before the write completes
    // A new tab: its sessionStorage is empty, localStorage is shared.
    sessionStorage.clear();
    expect(stashed(1)?.title).toBe('Closed mid-write');
    expect(localStorage.getItem('catalyst.closing.d1')).toBeNull(); // moved into the new tab's stash
    expect(stashed(1)?.title).toBe('Closed mid-write');
    expect(stashed(2)).toBeUndefined(); // stale once the stored draft moved on
    release();
  });

  it('unmounting with unsaved edits writes them', async () => {
    const { rerender, unmount } = mount();
    rerender({ doc: titled('Navigated away') });
    unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.get('d1')!.title).toBe('Navigated away');
  });

  it('stashes a keystroke as a patch on the stored doc: its size follows the edit, not the draft', async () => {
    const big = syntheticDraft(1000) as DraftDoc;
    store.set('d1', { ...store.get('d1')!, doc: big });
    const { rerender } = renderHook(({ doc }: { doc: DraftDoc }) => useAutosave('d1', doc, { baseRevision: 1, machine }), {
      initialProps: { doc: big },
    });
    const id = Object.keys(big.nodes)[1]!;
    const typed = { ...big, nodes: { ...big.nodes, [id]: { ...big.nodes[id]!, client: 'typed a' } as DraftDoc['nodes'][string] } };
    rerender({ doc: typed });
    const text = sessionStorage.getItem('catalyst.pending.d1')!;
    expect(text.length).toBeLessThan(5_000);
    expect(JSON.stringify(big).length).toBeGreaterThan(500_000);
    // Read back against the stored doc, it is exactly the doc on screen.
    expect(JSON.stringify(stashed(1))).toBe(JSON.stringify(typed));
  });

  it('stores the undo history after a save once the browser is idle, not in the same task', async () => {
    const edited = commit(createHistory(base), titled('A'));
    const { rerender } = renderHook(
      ({ doc, history }: { doc: DraftDoc; history: History<DraftDoc> }) => useAutosave('d1', doc, { baseRevision: 1, history, machine }),
      { initialProps: { doc: base, history: createHistory(base) } },
    );
    rerender({ doc: edited.present, history: edited });
    await act(() => vi.advanceTimersByTimeAsync(300)); // the debounce, then the save completes
    expect(store.get('d1')!.title).toBe('A');
    expect(loadHistory('d1')).toBeUndefined();
    await act(() => vi.advanceTimersByTimeAsync(HISTORY_IDLE_TIMEOUT_MS));
    expect(loadHistory('d1')?.past.map((d) => d.title)).toEqual(['Tiny']);
  });

  it('leaving the page right after a save writes the waiting history at once, so undo survives a reload', async () => {
    const edited = commit(createHistory(base), titled('B'));
    const { rerender } = renderHook(
      ({ doc, history }: { doc: DraftDoc; history: History<DraftDoc> }) => useAutosave('d1', doc, { baseRevision: 1, history, machine }),
      { initialProps: { doc: base, history: createHistory(base) } },
    );
    rerender({ doc: edited.present, history: edited });
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(store.get('d1')!.title).toBe('B');
    expect(loadHistory('d1')).toBeUndefined();
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(loadHistory('d1', store.get('d1')!.doc)?.past.map((d) => d.title)).toEqual(['Tiny']);
  });

  it('stores edits recovered from the stash after a reload', async () => {
    const recovered = titled('Recovered');
    sessionStorage.setItem('catalyst.pending.d1', JSON.stringify({ revision: 1, doc: recovered }));
    const { result } = renderHook(() => useAutosave('d1', recovered, { baseRevision: 1, machine }));
    expect(result.current.status).toBe('saving');
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(store.get('d1')!.title).toBe('Recovered');
    expect(result.current.status).toBe('saved');
  });
});
