import { useCallback, useEffect, useRef, useState } from 'react';
import { EditError, type DraftDoc } from '../../domain/edit/ops';
import { canRedo, canUndo, commit, redo, redoLabel, seal, undo, undoLabel, type History } from '../../domain/edit/history';
import type { ApplyResult } from './editor-context';

/**
 * The draft's undo history. `apply` runs a pure op on the present doc synchronously (so a caller
 * can read what an op created) and commits it; typing in one field coalesces into one step.
 */
export function useEditorHistory(initial: History<DraftDoc>) {
  const [history, setHistory] = useState(initial);
  const ref = useRef(history);
  const set = useCallback((h: History<DraftDoc>) => {
    ref.current = h;
    setHistory(h);
  }, []);

  const apply = useCallback(
    (change: (doc: DraftDoc) => DraftDoc, opts: { coalesceKey?: string; label?: string | (() => string) } = {}): ApplyResult => {
      let next: DraftDoc;
      try {
        next = change(ref.current.present);
      } catch (e) {
        if (e instanceof EditError) return { ok: false, message: e.message };
        throw e;
      }
      // The label may name what the change created, so it is read after the change ran.
      const label = typeof opts.label === 'function' ? opts.label() : opts.label;
      if (next !== ref.current.present)
        set(commit(ref.current, next, { ...(opts.coalesceKey ? { coalesceKey: opts.coalesceKey } : {}), ...(label ? { label } : {}) }));
      return { ok: true };
    },
    [set],
  );

  return {
    history,
    doc: history.present,
    apply,
    undo: useCallback(() => canUndo(ref.current) && set(undo(ref.current)), [set]),
    redo: useCallback(() => canRedo(ref.current) && set(redo(ref.current)), [set]),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    undoLabel: undoLabel(history),
    redoLabel: redoLabel(history),
    /** End the current run of typing (a field lost focus): the next keystroke starts a new undo step. */
    seal: useCallback(() => set(seal(ref.current)), [set]),
    /** Replace everything (e.g. after loading another tab's version). */
    reset: set,
  };
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, anywhere on the page (inputs included: every keystroke is in the history). */
export function useUndoShortcuts(undoFn: () => void, redoFn: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z') {
        e.preventDefault();
        if (e.shiftKey) redoFn();
        else undoFn();
      } else if (key === 'y' && !e.shiftKey) {
        e.preventDefault();
        redoFn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoFn, redoFn]);
}
