/**
 * Undo history of immutable values. Consecutive commits with the same `coalesceKey` (typing in
 * one field) become one undo step; any other commit, undo or redo ends the run.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The coalesce key of the last commit, while a run of typing can still be merged into it. */
  readonly coalesceKey?: string;
}

export const HISTORY_LIMIT = 200;

export const createHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function commit<T>(h: History<T>, next: T, opts: { coalesceKey?: string } = {}): History<T> {
  if (Object.is(next, h.present)) return h;
  const key = opts.coalesceKey;
  if (key !== undefined && key === h.coalesceKey && h.past.length > 0)
    return { past: h.past, present: next, future: [], coalesceKey: key };
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(h.past.length - HISTORY_LIMIT + 1) : h.past;
  return { past: [...past, h.present], present: next, future: [], ...(key !== undefined ? { coalesceKey: key } : {}) };
}

/** End a coalescing run (e.g. when a field loses focus), so the next keystroke is a new step. */
export const seal = <T>(h: History<T>): History<T> => (h.coalesceKey === undefined ? h : { past: h.past, present: h.present, future: h.future });

export const canUndo = (h: History<unknown>): boolean => h.past.length > 0;
export const canRedo = (h: History<unknown>): boolean => h.future.length > 0;

export function undo<T>(h: History<T>): History<T> {
  if (!canUndo(h)) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (!canRedo(h)) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}

/** Start over from a value (e.g. after reloading another tab's version), keeping nothing to undo. */
export const reset = <T>(present: T): History<T> => createHistory(present);
