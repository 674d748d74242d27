import type { DraftDoc } from '../domain/edit/doc';
import type { History } from '../domain/edit/history';
import { docJson } from './draft-pending';
import { HISTORY_PREFIX, evictOthers, session } from './session-space';

/**
 * Undo history per draft in sessionStorage (`catalyst.history.<id>`), so undo survives a reload
 * in the same tab. The draft itself lives in IndexedDB; this is a convenience and never throws.
 * Bounded three ways, because three big drafts' histories once filled sessionStorage and left no
 * room for the last-keystroke stash (edits lost in 8 of 10 runs):
 * - at most HISTORY_MAX_STEPS steps and HISTORY_BUDGET characters per draft, oldest steps dropped first;
 * - only the open draft's history is kept: saving one evicts every other draft's;
 * - the stash evicts histories when it needs the room (session-space.ts).
 */
export const historyKey = (draftId: string) => `${HISTORY_PREFIX}${draftId}`;

/**
 * 1 M characters: with the stash of the same draft (at most a few hundred kB for a 1,000-node
 * draft) well inside the ~5 M characters browsers allow sessionStorage.
 */
export const HISTORY_BUDGET = 1_000_000;
/** Stored undo + redo steps per draft (the editor keeps 200 in memory, HISTORY_LIMIT). */
export const HISTORY_MAX_STEPS = 50;

// Each doc is immutable, so its JSON is computed once and reused by later saves; a new doc reuses
// the JSON of every node it shares with the docs before it (docJson).
const jsonCache = new WeakMap<object, string>();
function toJson(doc: DraftDoc): string {
  let s = jsonCache.get(doc);
  if (s === undefined) {
    s = docJson(doc);
    jsonCache.set(doc, s);
  }
  return s;
}

/**
 * The history as JSON within `budget` characters: present first, then the nearest undo and redo
 * steps alternately until the budget is spent. Undefined when even the present does not fit.
 */
export function serializeHistory(h: History<DraftDoc>, budget = HISTORY_BUDGET, maxSteps = HISTORY_MAX_STEPS): string | undefined {
  const present = toJson(h.present);
  let used = present.length + 40;
  if (used > budget) return undefined;
  const past: string[] = [];
  const future: string[] = [];
  let p = h.past.length - 1;
  let f = 0;
  while ((p >= 0 || f < h.future.length) && past.length + future.length < maxSteps) {
    let progressed = false;
    if (p >= 0) {
      const s = toJson(h.past[p]!);
      if (used + s.length + 1 > budget) p = -1;
      else {
        past.unshift(s);
        used += s.length + 1;
        p--;
        progressed = true;
      }
    }
    if (f < h.future.length && past.length + future.length < maxSteps) {
      const s = toJson(h.future[f]!);
      if (used + s.length + 1 > budget) f = h.future.length;
      else {
        future.push(s);
        used += s.length + 1;
        f++;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return `{"v":1,"present":${present},"past":[${past.join(',')}],"future":[${future.join(',')}]}`;
}

export function parseHistory(text: string | null): History<DraftDoc> | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as { v?: unknown; present?: unknown; past?: unknown; future?: unknown };
    if (data.v !== 1 || typeof data.present !== 'object' || data.present === null) return undefined;
    if (!Array.isArray(data.past) || !Array.isArray(data.future)) return undefined;
    return { present: data.present as DraftDoc, past: data.past as DraftDoc[], future: data.future as DraftDoc[] };
  } catch {
    return undefined;
  }
}

/**
 * Store the open draft's history, evicting the histories of drafts that are not open; on quota
 * errors retry with half the budget, then give up quietly.
 */
export function saveHistory(draftId: string, h: History<DraftDoc>): void {
  // A history written now replaces one waiting to be written.
  queued?.();
  queued = queuedRun = undefined;
  const store = session();
  if (!store) return;
  evictOthers(HISTORY_PREFIX, draftId);
  for (let budget = HISTORY_BUDGET; budget >= 50_000; budget /= 2) {
    const text = serializeHistory(h, budget);
    if (text === undefined) break;
    try {
      store.setItem(historyKey(draftId), text);
      return;
    } catch {
      // quota: try a smaller history
    }
  }
  try {
    store.removeItem(historyKey(draftId));
  } catch {
    // nothing more to do: the draft itself is safe in IndexedDB
  }
}

/** Cancels the waiting write (saveHistorySoon); `flushHistory` runs it now instead. */
let queued: (() => void) | undefined;
let queuedRun: (() => void) | undefined;

/**
 * Store the history once the browser is idle (at the latest after `HISTORY_IDLE_TIMEOUT_MS`); a
 * later call replaces one not yet written. After each save: writing up to a million characters to
 * sessionStorage took ~30 ms at 1,000 nodes (bench:studio --profile, saveHistory), and a key
 * pressed meanwhile waited for it. Leaving the page writes at once (saveHistory), so undo still
 * survives a reload.
 */
export function saveHistorySoon(draftId: string, h: History<DraftDoc>): void {
  queued?.();
  const run = () => {
    queued = queuedRun = undefined;
    saveHistory(draftId, h);
  };
  queuedRun = run;
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: HISTORY_IDLE_TIMEOUT_MS });
    queued = () => cancelIdleCallback(handle);
  } else {
    const handle = setTimeout(run, 50);
    queued = () => clearTimeout(handle);
  }
}
export const HISTORY_IDLE_TIMEOUT_MS = 2000;

/** Write the history waiting for idle time now (the page is being hidden or left). */
export function flushHistory(): void {
  const run = queuedRun;
  queued?.();
  run?.();
}

/**
 * The stored history, if its present still equals the saved draft (`current`); otherwise the
 * draft moved on elsewhere (another tab) and the old history would undo into a stale version.
 */
export function loadHistory(draftId: string, current?: DraftDoc): History<DraftDoc> | undefined {
  const store = session();
  let text: string | null = null;
  try {
    text = store?.getItem(historyKey(draftId)) ?? null;
  } catch {
    return undefined;
  }
  const h = parseHistory(text);
  if (!h) return undefined;
  if (current !== undefined && JSON.stringify(h.present) !== JSON.stringify(current)) return undefined;
  return current !== undefined ? { ...h, present: current } : h;
}

export function clearHistory(draftId: string): void {
  try {
    session()?.removeItem(historyKey(draftId));
  } catch {
    // ignore
  }
}
