import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, canRedo, canUndo, commit, createHistory, redo, seal, undo } from './history';

describe('history', () => {
  it('undoes and redoes commits in order', () => {
    let h = createHistory('a');
    h = commit(h, 'b');
    h = commit(h, 'c');
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = redo(redo(h));
    expect(h.present).toBe('c');
  });

  it('a new commit after undo drops the redo steps', () => {
    let h = commit(commit(createHistory(1), 2), 3);
    h = commit(undo(h), 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('ignores a commit of the same value', () => {
    const h = createHistory('a');
    expect(commit(h, 'a')).toBe(h);
  });

  it('coalesces typing in one field into one undo step', () => {
    let h = createHistory('');
    for (const text of ['H', 'He', 'Hel', 'Hello']) h = commit(h, text, { coalesceKey: 'title' });
    expect(h.present).toBe('Hello');
    expect(h.past).toEqual(['']);
    h = commit(h, 'Hello!', { coalesceKey: 'summary' });
    h = commit(h, 'Hello!?', { coalesceKey: 'title' });
    expect(h.past).toEqual(['', 'Hello', 'Hello!']);
    expect(undo(h).present).toBe('Hello!');
  });

  it('undo, redo and seal end a coalescing run', () => {
    let h = commit(createHistory('a'), 'ab', { coalesceKey: 'k' });
    h = commit(undo(redo(undo(h))), 'ax', { coalesceKey: 'k' });
    h = commit(h, 'axy', { coalesceKey: 'k' });
    expect(h.past).toEqual(['a']);
    h = commit(seal(h), 'axyz', { coalesceKey: 'k' });
    expect(h.past).toEqual(['a', 'axy']);
    expect(commit(h, 'plain').past).toEqual(['a', 'axy', 'axyz']);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = commit(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
    expect(h.present).toBe(HISTORY_LIMIT + 50);
  });
});
