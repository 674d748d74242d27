// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftDoc } from '../../domain/edit/ops';
import { updateMeta } from '../../domain/edit/ops';
import type { DraftMessage, DraftRecord } from '../../persistence/drafts';
import { tinyScenario } from '../../testing/fixtures';

// An in-memory drafts store with the real revision rule and ConflictError.
const store = new Map<string, DraftRecord>();
let listeners: ((m: DraftMessage) => void)[] = [];
let failWith: unknown;
vi.mock('../../persistence/drafts', async (importActual) => {
  const actual = await importActual<typeof import('../../persistence/drafts')>();
  return {
    ...actual,
    getStoredDraft: async (id: string) => store.get(id),
    onDraftMessage: (l: (m: DraftMessage) => void) => {
      listeners.push(l);
      return () => (listeners = listeners.filter((x) => x !== l));
    },
    saveDraft: vi.fn(async (record: DraftRecord, expected: number) => {
      if (failWith) throw failWith;
      const conflict = actual.checkRevision(record.id, store.get(record.id), expected);
      if (conflict) throw conflict;
      const saved = { ...record, revision: expected + 1, updatedAt: Date.now() };
      store.set(record.id, saved);
      return saved;
    }),
  };
});
const drafts = await import('../../persistence/drafts');
const { useAutosave } = await import('./use-autosave');

const base = tinyScenario() as DraftDoc;
const titled = (t: string) => updateMeta(base, { title: t });

beforeEach(() => {
  vi.useFakeTimers();
  store.clear();
  store.set('d1', { id: 'd1', doc: base, createdAt: 1, updatedAt: 1, revision: 1, problems: 0, errors: 0, valid: true, title: 'Tiny' });
  failWith = undefined;
  vi.mocked(drafts.saveDraft).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  sessionStorage.clear();
});

const mount = () =>
  renderHook(({ doc }: { doc: DraftDoc }) => useAutosave('d1', doc, { baseRevision: 1 }), { initialProps: { doc: base } });

describe('useAutosave', () => {
  it('does not save the loaded doc, and saves an edit within 500 ms of the last change', async () => {
    const { result, rerender } = mount();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(drafts.saveDraft).not.toHaveBeenCalled();
    expect(result.current.status).toBe('saved');

    rerender({ doc: titled('A') });
    expect(result.current.status).toBe('saving');
    rerender({ doc: titled('AB') });
    rerender({ doc: titled('ABC') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(drafts.saveDraft).toHaveBeenCalledTimes(1);
    expect(store.get('d1')).toMatchObject({ revision: 2, title: 'ABC' });
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

  it("hears another tab's save before writing anything", async () => {
    const { result } = mount();
    act(() => listeners.forEach((l) => l({ type: 'saved', id: 'd1', revision: 2, tabId: 'other' })));
    expect(result.current.status).toBe('conflict');
  });

  it('reloads their version or keeps mine as a copy', async () => {
    const { result, rerender } = mount();
    store.set('d1', { ...store.get('d1')!, revision: 5, doc: titled('Theirs'), title: 'Theirs' });
    rerender({ doc: titled('Mine') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    let copyId = '';
    await act(async () => {
      copyId = await result.current.keepMineAsCopy();
    });
    expect(store.get(copyId)!.title).toBe('Mine (my copy)');
    let theirs: DraftRecord | undefined;
    await act(async () => {
      theirs = await result.current.reloadTheirs();
    });
    expect(theirs!.title).toBe('Theirs');
    expect(result.current.status).toBe('saved');
  });

  it('says plainly when storage is full, and retries on the next edit', async () => {
    failWith = new DOMException('quota', 'QuotaExceededError');
    const { result, rerender } = mount();
    rerender({ doc: titled('X') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current.status).toEqual({ error: expect.stringMatching(/no storage space left.*Export/) });
    failWith = undefined;
    rerender({ doc: titled('XY') });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current.status).toBe('saved');
    expect(store.get('d1')!.title).toBe('XY');
  });

  it('on pagehide keeps a synchronous copy of unsaved edits and saves at once', async () => {
    const { rerender } = mount();
    rerender({ doc: titled('Leaving') });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(drafts.pendingDoc('d1', 1)?.title).toBe('Leaving');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(store.get('d1')!.title).toBe('Leaving');
    expect(drafts.pendingDoc('d1', 2)).toBeUndefined();
  });
});
