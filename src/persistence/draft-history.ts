import type { DraftDoc } from '../domain/edit/doc';
import type { History } from '../domain/edit/history';
import { applyPatch, docPatch } from '../domain/edit/patch';
import { hashString } from '../lib/hash';
import { docJson } from './draft-pending';
import { isDraftDoc } from './draft-record';
import { HISTORY_PREFIX, evictOthers, session } from './session-space';

/**
 * Undo history per draft in sessionStorage (`catalyst.history.<id>`), so undo survives a reload
 * in the same tab. The draft itself lives in IndexedDB; this is a convenience and never throws.
 * Bounded three ways, because three big drafts' histories once filled sessionStorage and left no
 * room for the last-keystroke stash (edits lost in 8 of 10 runs):
 * - at most HISTORY_MAX_STEPS steps and HISTORY_BUDGET characters per draft, oldest steps dropped first;
 * - only the open draft's history is kept: saving one evicts every other draft's;
 * - the stash evicts histories when it needs the room (session-space.ts).
 *
 * Stored as patches (format 2). Each undo and redo step is a patch on its neighbour towards the
 * present (domain/edit/patch.ts: an edit replaces the nodes it touches, so a step is those nodes
 * and the top-level fields, a few kB whatever the draft's size), and the present is its
 * fingerprint (length and hash of its JSON), plus the doc itself when it is small. Format 1 stored
 * every step as a whole doc: a 2,000-node doc is 1.7 M characters, more than the whole budget, so
 * nothing was stored and undo was lost on reload. The editor reads the history back against the
 * doc it opens (loadHistory's `current`): a history whose present is not that doc (the draft
 * changed in another tab) or whose patches do not apply is none, never a misapplied one.
 */
export const historyKey = (draftId: string) => `${HISTORY_PREFIX}${draftId}`;

/**
 * 1 M characters: with the stash of the same draft (a few kB as a patch, or the whole doc after
 * a reload recovered unsaved edits) well inside the ~5 M characters browsers allow sessionStorage.
 */
export const HISTORY_BUDGET = 1_000_000;
/** Stored undo + redo steps per draft (the editor keeps 200 in memory, HISTORY_LIMIT). */
export const HISTORY_MAX_STEPS = 50;
/**
 * The present is stored whole too when its JSON is at most this long (about 60 nodes), so a
 * small history can be read without the doc it belongs to; a bigger one needs `current`.
 */
export const PRESENT_INLINE_MAX = 50_000;

// Docs are immutable: a doc's fingerprint, and a step's patch on the neighbour it was made
// against, are computed once and reused by later saves. Whole-doc JSON is not kept (200 docs of
// 1.7 M characters would be 340 MB); docJson reuses the JSON of every node unchanged since.
const fingerprints = new WeakMap<object, string>();
const patches = new WeakMap<object, { readonly on: DraftDoc; readonly json: string }>();

/**
 * Length and hash of the doc's JSON with its top-level fields in name order: equal for equal
 * docs, and a 53-bit hash apart otherwise. Field order is not content, and it does change: a doc
 * read back from the session stash (a patch applied) has `nodes` last, where an imported
 * scenario has `facilitator` after it. docJson (the same string) reuses the JSON of nodes seen
 * before, for the history's docs; a doc just read from storage has none, and JSON.stringify is
 * faster there (12 against 55 ms at 2,000 nodes).
 */
function fingerprint(doc: DraftDoc, stringify: (doc: DraftDoc) => string = docJson): string {
  let f = fingerprints.get(doc);
  if (f === undefined) {
    const fields = Object.entries(doc).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const text = stringify(Object.fromEntries(fields) as DraftDoc);
    f = `${text.length}:${hashString(text)}`;
    fingerprints.set(doc, f);
  }
  return f;
}

/** The patch that turns `on` into `doc`, as JSON. */
function patchJson(doc: DraftDoc, on: DraftDoc): string {
  const cached = patches.get(doc);
  if (cached?.on === on) return cached.json;
  const json = JSON.stringify(docPatch(on, doc));
  patches.set(doc, { on, json });
  return json;
}

/**
 * The history as JSON within `budget` characters: present first, then the nearest undo and redo
 * steps alternately until the budget is spent (each step a patch on its neighbour towards the
 * present, so a step can only be kept with every step between it and the present). Undefined
 * when even the present does not fit.
 */
export function serializeHistory(h: History<DraftDoc>, budget = HISTORY_BUDGET, maxSteps = HISTORY_MAX_STEPS): string | undefined {
  const print = fingerprint(h.present);
  // The fingerprint starts with the JSON's length.
  const inline = Number.parseInt(print, 10) <= PRESENT_INLINE_MAX ? `,"doc":${docJson(h.present)}` : '';
  const present = `{"fingerprint":${JSON.stringify(print)}${inline}}`;
  let used = present.length + 60;
  if (used > budget) return undefined;
  const past: string[] = [];
  const future: string[] = [];
  const pastLabels: (string | null)[] = [];
  const futureLabels: (string | null)[] = [];
  const labelOf = (labels: readonly (string | undefined)[] | undefined, entries: readonly unknown[], i: number) =>
    labels?.length === entries.length ? (labels[i] ?? null) : null;
  let p = h.past.length - 1;
  let f = 0;
  while ((p >= 0 || f < h.future.length) && past.length + future.length < maxSteps) {
    let progressed = false;
    if (p >= 0) {
      const s = patchJson(h.past[p]!, h.past[p + 1] ?? h.present);
      const label = labelOf(h.pastLabels, h.past, p);
      const size = s.length + JSON.stringify(label).length + 2;
      if (used + size > budget) p = -1;
      else {
        past.unshift(s);
        pastLabels.unshift(label);
        used += size;
        p--;
        progressed = true;
      }
    }
    if (f < h.future.length && past.length + future.length < maxSteps) {
      const s = patchJson(h.future[f]!, f === 0 ? h.present : h.future[f - 1]!);
      const label = labelOf(h.futureLabels, h.future, f);
      const size = s.length + JSON.stringify(label).length + 2;
      if (used + size > budget) f = h.future.length;
      else {
        future.push(s);
        futureLabels.push(label);
        used += size;
        f++;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return (
    `{"v":2,"present":${present},"past":[${past.join(',')}],"future":[${future.join(',')}],` +
    `"pastLabels":${JSON.stringify(pastLabels)},"futureLabels":${JSON.stringify(futureLabels)}}`
  );
}

/**
 * Each step of `steps` applied to the one before it, starting from `from`; undefined if any does
 * not apply or would make a doc the editor cannot open. Only what a step brings is checked (its
 * nodes, and the meters): the rest is the previous doc's, already checked. Checking every whole
 * doc took 217 ms to read 41 steps of a 2,000-node draft.
 */
function unroll(from: DraftDoc, steps: readonly unknown[]): DraftDoc[] | undefined {
  const docs: DraftDoc[] = [];
  let prev = from;
  for (const step of steps) {
    const doc = applyPatch(prev, step) as { nodes: Record<string, unknown>; meters?: unknown } | undefined;
    if (!doc) return undefined;
    const brought = Object.keys((step as { nodes: object }).nodes).filter((id) => Object.hasOwn(doc.nodes, id));
    const nodes = Object.fromEntries(brought.map((id) => [id, doc.nodes[id]]));
    if (!isDraftDoc({ meters: doc.meters, nodes })) return undefined;
    // The next save stores this step as it was read, instead of comparing the two docs again.
    patches.set(doc, { on: prev, json: JSON.stringify(step) });
    docs.push(doc as DraftDoc);
    prev = doc as DraftDoc;
  }
  return docs;
}

const labelsOf = (labels: unknown, length: number): (string | undefined)[] | undefined =>
  Array.isArray(labels) && labels.length === length ? labels.map((l) => (typeof l === 'string' ? l : undefined)) : undefined;

/**
 * A stored history, read against `current` (the doc the editor opens) when given: undefined when
 * it is unreadable, when its present is not `current`, or when a step does not apply. Without
 * `current` only a history that holds its present (a small doc) can be read.
 */
export function parseHistory(text: string | null, current?: DraftDoc): History<DraftDoc> | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as {
      v?: unknown;
      present?: unknown;
      past?: unknown;
      future?: unknown;
      pastLabels?: unknown;
      futureLabels?: unknown;
    };
    if (!Array.isArray(data.past) || !Array.isArray(data.future)) return undefined;
    if (data.v === 1) {
      // Whole docs, as stored before format 2 (a tab reloaded across the update).
      if (!isDraftDoc(data.present) || !data.past.every(isDraftDoc) || !data.future.every(isDraftDoc)) return undefined;
      if (current !== undefined && fingerprint(data.present, JSON.stringify) !== fingerprint(current, JSON.stringify)) return undefined;
      return { present: current ?? data.present, past: data.past, future: data.future };
    }
    if (data.v !== 2 || typeof data.present !== 'object' || data.present === null) return undefined;
    const stored = data.present as { fingerprint?: unknown; doc?: unknown };
    let present: DraftDoc;
    if (current !== undefined) {
      if (stored.fingerprint !== fingerprint(current, JSON.stringify)) return undefined;
      present = current;
    } else if (isDraftDoc(stored.doc) && stored.fingerprint === fingerprint(stored.doc, JSON.stringify)) present = stored.doc;
    else return undefined;
    // Steps are stored oldest first; each undo step is a patch on the one after it.
    const past = unroll(present, [...data.past].reverse())?.reverse();
    const future = unroll(present, data.future);
    if (!past || !future) return undefined;
    const pastLabels = labelsOf(data.pastLabels, past.length);
    const futureLabels = labelsOf(data.futureLabels, future.length);
    return { past, present, future, ...(pastLabels && futureLabels ? { pastLabels, futureLabels } : {}) };
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
 * The stored history, if its present still equals the doc the editor opens (`current`: the saved
 * draft, with this tab's unsaved edits); otherwise the draft moved on elsewhere (another tab) and
 * the old history would undo into a stale version. Undefined means no undo, never an error.
 */
export function loadHistory(draftId: string, current?: DraftDoc): History<DraftDoc> | undefined {
  try {
    return parseHistory(session()?.getItem(historyKey(draftId)) ?? null, current);
  } catch {
    return undefined;
  }
}

export function clearHistory(draftId: string): void {
  try {
    session()?.removeItem(historyKey(draftId));
  } catch {
    // ignore
  }
}
