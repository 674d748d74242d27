import type { DraftDoc } from '../domain/edit/doc';
import { isDraftDoc } from './draft-record';
import { PENDING_PREFIX, session, setWithRoom } from './session-space';

/**
 * Last-keystroke copy of unsaved edits, written synchronously on every change (the autosave
 * chart's `stash` action). IndexedDB writes may not finish before a tab closes or a renderer
 * crashes; this sessionStorage copy (same tab only) is picked up by the next getDraft if the
 * stored draft is still at the revision the edits were based on. It always has room: undo
 * histories and selections are evicted to make it fit (session-space.ts).
 */
export const pendingKey = (draftId: string) => `${PENDING_PREFIX}${draftId}`;

/**
 * The closing copy: the same record in localStorage, written only when the page is hidden or left
 * with edits not yet stored. A closed tab takes its sessionStorage with it, and the IndexedDB
 * write started on pagehide needs several round trips (read the revision, then write), which a
 * closing renderer often does not finish: in 3 of 3 trials the edit was lost
 * (scripts/studio-fault-trials.ts --kinds close). localStorage is synchronous and outlives the
 * tab, so the next tab that opens the draft recovers the edit (if the stored draft is still at the
 * revision it builds on) and moves it into its own session stash. Best effort: a full
 * localStorage (shared with progress) just skips it.
 */
export const closingKey = (draftId: string) => `catalyst.closing.${draftId}`;

function local(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

// Nodes are immutable and a keystroke replaces one of them, so each node's JSON is computed once
// and reused. scripts/bench-stash.ts, medians of 30 keystrokes, 3 runs: 1,000 nodes 2.3 → 0.8-1.0 ms,
// 2,000 nodes 4.9-10.2 → 2.1-5.4 ms (JSON.stringify → docJson; what remains is joining the string).
const nodeJson = new WeakMap<object, string>();

/** Exactly JSON.stringify(doc) (same keys, same order), reusing each unchanged node's JSON. */
export function docJson(doc: DraftDoc): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    if (key !== 'nodes' || typeof value !== 'object' || value === null) {
      parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
      continue;
    }
    const nodes: string[] = [];
    for (const [id, node] of Object.entries(value as Record<string, unknown>)) {
      if (node === undefined) continue;
      let json = typeof node === 'object' && node !== null ? nodeJson.get(node) : undefined;
      if (json === undefined) {
        json = JSON.stringify(node);
        if (typeof node === 'object' && node !== null) nodeJson.set(node, json);
      }
      nodes.push(`${JSON.stringify(id)}:${json}`);
    }
    parts.push(`"nodes":{${nodes.join(',')}}`);
  }
  return `{${parts.join(',')}}`;
}

const pendingJson = (revision: number, doc: DraftDoc) => `{"revision":${JSON.stringify(revision)},"doc":${docJson(doc)}}`;

/** Stash the doc; false when even an emptied sessionStorage cannot hold it (the save still runs). */
export function stashPending(draftId: string, revision: number, doc: DraftDoc): boolean {
  return setWithRoom(pendingKey(draftId), pendingJson(revision, doc), draftId);
}

/** Keep a copy that outlives the tab (page hidden or left with unsaved edits). */
export function stashClosing(draftId: string, revision: number, doc: DraftDoc): boolean {
  try {
    local()?.setItem(closingKey(draftId), pendingJson(revision, doc));
    return true;
  } catch {
    return false;
  }
}

/** The edits are stored: drop the stash and the closing copy. */
export function clearPending(draftId: string): void {
  try {
    session()?.removeItem(pendingKey(draftId));
    local()?.removeItem(closingKey(draftId));
  } catch {
    // ignore
  }
}

function readCopy(store: Storage | undefined, key: string, revision: number): { doc?: DraftDoc; found: boolean } {
  let text: string | null | undefined;
  try {
    text = store?.getItem(key);
  } catch {
    return { found: false };
  }
  if (!text) return { found: false };
  try {
    const p: unknown = JSON.parse(text);
    if (typeof p === 'object' && p !== null && 'revision' in p && p.revision === revision && 'doc' in p && isDraftDoc(p.doc))
      return { doc: p.doc, found: true };
  } catch {
    // unreadable: drop it
  }
  return { found: true };
}

/**
 * The unsaved doc for a draft stored at `revision`: this tab's stash, else a closing copy left by a
 * tab that closed (moved into this tab's stash, so the autosave stores it). Stale copies are dropped.
 */
export function pendingDoc(draftId: string, revision: number): DraftDoc | undefined {
  const own = readCopy(session(), pendingKey(draftId), revision);
  if (own.doc) return own.doc;
  const closing = readCopy(local(), closingKey(draftId), revision);
  if (own.found || closing.found) clearPending(draftId);
  if (!closing.doc) return undefined;
  stashPending(draftId, revision, closing.doc);
  return closing.doc;
}
