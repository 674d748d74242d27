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
  /**
   * What each step did ("delete moment-3"), aligned with `past` (the step from past[i] to the
   * next value) and `future` (the step to future[i]). Optional: a history read back from storage
   * may have none, and then no step has a label.
   */
  readonly pastLabels?: readonly (string | undefined)[];
  readonly futureLabels?: readonly (string | undefined)[];
}

/** The labels aligned with `entries`, or none if they are missing or do not line up. */
const aligned = (labels: readonly (string | undefined)[] | undefined, entries: readonly unknown[]): readonly (string | undefined)[] =>
  labels && labels.length === entries.length ? labels : entries.map(() => undefined);

export const HISTORY_LIMIT = 200;

export const createHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function commit<T>(h: History<T>, next: T, opts: { coalesceKey?: string; label?: string } = {}): History<T> {
  if (Object.is(next, h.present)) return h;
  const key = opts.coalesceKey;
  const labels = aligned(h.pastLabels, h.past);
  if (key !== undefined && key === h.coalesceKey && h.past.length > 0)
    return { past: h.past, present: next, future: [], coalesceKey: key, pastLabels: labels, futureLabels: [] };
  const drop = h.past.length >= HISTORY_LIMIT ? h.past.length - HISTORY_LIMIT + 1 : 0;
  return {
    past: [...h.past.slice(drop), h.present],
    present: next,
    future: [],
    ...(key !== undefined ? { coalesceKey: key } : {}),
    pastLabels: [...labels.slice(drop), opts.label],
    futureLabels: [],
  };
}

/** End a coalescing run (e.g. when a field loses focus), so the next keystroke is a new step. */
export function seal<T>(h: History<T>): History<T> {
  if (h.coalesceKey === undefined) return h;
  const { coalesceKey: _, ...rest } = h;
  return rest;
}

/** What Undo would take back ("delete moment-3"), if the step has a label. */
export const undoLabel = (h: History<unknown>): string | undefined => aligned(h.pastLabels, h.past).at(-1);
/** What Redo would do again, if the step has a label. */
export const redoLabel = (h: History<unknown>): string | undefined => aligned(h.futureLabels, h.future)[0];

export const canUndo = (h: History<unknown>): boolean => h.past.length > 0;
export const canRedo = (h: History<unknown>): boolean => h.future.length > 0;

export function undo<T>(h: History<T>): History<T> {
  if (!canUndo(h)) return h;
  const pl = aligned(h.pastLabels, h.past);
  return {
    past: h.past.slice(0, -1),
    present: h.past[h.past.length - 1]!,
    future: [h.present, ...h.future],
    pastLabels: pl.slice(0, -1),
    futureLabels: [pl.at(-1), ...aligned(h.futureLabels, h.future)],
  };
}

export function redo<T>(h: History<T>): History<T> {
  if (!canRedo(h)) return h;
  const fl = aligned(h.futureLabels, h.future);
  return {
    past: [...h.past, h.present],
    present: h.future[0]!,
    future: h.future.slice(1),
    pastLabels: [...aligned(h.pastLabels, h.past), fl[0]],
    futureLabels: fl.slice(1),
  };
}

/** Start over from a value (e.g. after reloading another tab's version), keeping nothing to undo. */
export const reset = <T>(present: T): History<T> => createHistory(present);
