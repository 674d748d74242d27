import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, canRedo, canUndo, commit, createHistory, redo, redoLabel, seal, undo, undoLabel } from './history';

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

  it('labels each step for Undo and Redo, through undo, redo and coalesced typing', () => {
    let h = commit(createHistory('a'), 'b', { label: 'add moment-3' });
    h = commit(h, 'bc', { coalesceKey: 'title', label: 'edit Scenario title' });
    h = commit(h, 'bcd', { coalesceKey: 'title', label: 'edit Scenario title' });
    h = commit(h, 'x', { label: 'delete moment-3' });
    expect(undoLabel(h)).toBe('delete moment-3');
    expect(redoLabel(h)).toBeUndefined();
    h = undo(h);
    expect(h.present).toBe('bcd');
    expect(undoLabel(h)).toBe('edit Scenario title');
    expect(redoLabel(h)).toBe('delete moment-3');
    h = undo(h);
    expect(h.present).toBe('b'); // the typing was one step
    expect(undoLabel(h)).toBe('add moment-3');
    expect(redoLabel(h)).toBe('edit Scenario title');
    h = redo(redo(h));
    expect(h.present).toBe('x');
    expect(undoLabel(h)).toBe('delete moment-3');
  });

  it('a history without labels (read back from storage) has unlabelled steps, and new steps are labelled', () => {
    const stored = { past: ['a', 'b'], present: 'c', future: ['d'] };
    expect(undoLabel(stored)).toBeUndefined();
    expect(redoLabel(stored)).toBeUndefined();
    const h = commit(stored, 'e', { label: 'rename x to y' });
    expect(undoLabel(h)).toBe('rename x to y');
    expect(undoLabel(undo(h))).toBeUndefined();
  });

  it('typing, leaving the field and typing in it again is two steps', () => {
    let h = commit(createHistory(''), 'ab', { coalesceKey: 'f' });
    h = commit(h, 'abc', { coalesceKey: 'f' });
    h = seal(h); // the field lost focus
    h = commit(h, 'abcd', { coalesceKey: 'f' });
    expect(undo(h).present).toBe('abc');
    expect(undo(undo(h)).present).toBe('');
  });
});
