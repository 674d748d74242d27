// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHistory, commit } from '../domain/edit/history';
import type { DraftDoc } from '../domain/edit/doc';
import { tinyScenario } from '../testing/fixtures';
import { HISTORY_BUDGET, historyKey, loadHistory, parseHistory, saveHistory, serializeHistory } from './draft-history';
import { ConflictError, checkRevision, newDraftId, requestPersistence, storageErrorMessage, type DraftRecord } from './drafts';
import { draftSummary } from './drafts-source';

const doc = (title: string): DraftDoc => ({ ...tinyScenario(), title });
const record = (over: Partial<DraftRecord> = {}): DraftRecord => ({
  v: 2,
  id: 'draft-1234abcd',
  doc: doc('Tiny'),
  createdAt: 1,
  updatedAt: 2,
  revision: 3,
  problems: 0,
  errors: 0,
  valid: true,
  title: 'Tiny',
  ...over,
});

describe('revision check (two tabs never overwrite each other silently)', () => {
  it('accepts a save on top of the stored revision, or a new draft', () => {
    expect(checkRevision('a', { revision: 4 }, 4)).toBeUndefined();
    expect(checkRevision('a', undefined, 0)).toBeUndefined();
  });

  it('refuses a save when another tab saved in between', () => {
    const e = checkRevision('a', { revision: 5 }, 4);
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({ reason: 'changed', theirRevision: 5, message: 'This draft was changed in another tab or window.' });
  });

  it('refuses a save when the draft was deleted elsewhere', () => {
    expect(checkRevision('a', undefined, 2)).toMatchObject({ reason: 'deleted' });
  });
});

describe('storage errors in plain words', () => {
  it('names a full disk and offers export', () => {
    const msg = storageErrorMessage(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(msg).toMatch(/no storage space left/);
    expect(msg).toMatch(/Export the draft/);
  });

  it('names blocked storage (private mode)', () => {
    expect(storageErrorMessage(new DOMException('IndexedDB is not available', 'InvalidStateError'))).toMatch(/private browsing/);
  });

  it('never hides an unknown failure', () => {
    expect(storageErrorMessage(new Error('disk on fire'))).toMatch(/could not be saved \(disk on fire\)/);
  });
});

describe('draft ids and persistence', () => {
  it('makes kebab-case draft ids', () => {
    expect(newDraftId()).toMatch(/^draft-[a-z0-9]{8}$/);
    expect(newDraftId()).not.toBe(newDraftId());
  });

  it('asks the browser to persist storage once', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => true } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    vi.stubGlobal('navigator', {});
    expect(await requestPersistence()).toBeUndefined();
  });
  afterEach(() => vi.unstubAllGlobals());
});

describe('undo history in sessionStorage', () => {
  afterEach(() => sessionStorage.clear());

  it('survives a reload of the page (same session)', () => {
    let h = createHistory(doc('A'));
    h = commit(h, doc('B'));
    h = commit(h, doc('C'));
    const back = commit(h, doc('D'));
    saveHistory('d1', { ...back, past: back.past, future: [] });
    expect(sessionStorage.getItem(historyKey('d1'))).toBeTruthy();
    const loaded = loadHistory('d1', doc('D'))!;
    expect(loaded.past.map((d) => d.title)).toEqual(['A', 'B', 'C']);
    expect(loaded.present.title).toBe('D');
  });

  it('is ignored when the stored draft moved on (another tab saved)', () => {
    saveHistory('d2', commit(createHistory(doc('A')), doc('B')));
    expect(loadHistory('d2', doc('Changed elsewhere'))).toBeUndefined();
  });

  it('keeps the nearest steps when the history is too big, never failing', () => {
    let h = createHistory(doc('0'));
    for (let i = 1; i <= 30; i++) h = commit(h, doc(String(i)));
    const one = JSON.stringify(doc('10')).length;
    const text = serializeHistory(h, one * 6)!;
    const parsed = parseHistory(text)!;
    expect(parsed.present.title).toBe('30');
    expect(parsed.past.map((d) => d.title)).toEqual(['26', '27', '28', '29']);
    expect(serializeHistory(h, 10)).toBeUndefined();
    expect(serializeHistory(h, HISTORY_BUDGET)).toBeDefined();
  });

  it('treats unreadable stored history as none', () => {
    expect(parseHistory('{oops')).toBeUndefined();
    expect(parseHistory('{"v":2}')).toBeUndefined();
    expect(parseHistory(null)).toBeUndefined();
  });

  it('swallows quota errors from sessionStorage', () => {
    const setItem = vi.fn(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.stubGlobal('sessionStorage', { setItem, removeItem: vi.fn(), getItem: () => null });
    expect(() => saveHistory('d3', createHistory(doc('A')))).not.toThrow();
    expect(setItem.mock.calls.length).toBeGreaterThan(1); // retried with a smaller budget
    vi.unstubAllGlobals();
  });
});

describe('drafts in the trainee library', () => {
  it('lists a draft under its draft id with its stored title', () => {
    const s = draftSummary(record());
    expect(s).toMatchObject({ id: 'draft-1234abcd', title: 'Tiny', moments: 2, estimatedMinutes: 5 });
    expect(s.version).toMatch(/^[0-9a-f]+$/);
    expect(draftSummary(record({ doc: doc('Changed') })).version).not.toBe(s.version);
  });
});
