import type { DraftDoc } from '../domain/edit/doc';
import { applyPatch, docPatch } from '../domain/edit/patch';
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

// The stash is a patch on `base`, the doc stored in IndexedDB at `revision` (domain/edit/patch.ts):
// a keystroke replaces one node, so it is a few kB whatever the draft's size. The whole doc was
// 0.84 M characters at 1,000 nodes and 1.68 M at 2,000, and writing it to sessionStorage on every
// key cost 15-30 ms (bench:studio --profile, self time in `setItem`). The doc in IndexedDB at that
// revision is the base again when the stash is read back.
const pendingJson = (revision: number, doc: DraftDoc, base?: DraftDoc) =>
  base
    ? `{"revision":${JSON.stringify(revision)},"patch":${JSON.stringify(docPatch(base, doc))}}`
    : `{"revision":${JSON.stringify(revision)},"doc":${docJson(doc)}}`;

/**
 * Stash the doc; false when even an emptied sessionStorage cannot hold it (the save still runs).
 * With `base` (the doc stored at `revision`) only a patch on it is written; without (the stored
 * version is not in memory, e.g. edits recovered after a reload), the whole doc.
 */
export function stashPending(draftId: string, revision: number, doc: DraftDoc, base?: DraftDoc): boolean {
  return setWithRoom(pendingKey(draftId), pendingJson(revision, doc, base), draftId);
}

/** Keep a copy that outlives the tab (page hidden or left with unsaved edits). */
export function stashClosing(draftId: string, revision: number, doc: DraftDoc, base?: DraftDoc): boolean {
  try {
    local()?.setItem(closingKey(draftId), pendingJson(revision, doc, base));
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

type Copy = { found: false } | { found: true; doc?: DraftDoc; text?: string; needsBase?: boolean };

/** A stash or closing copy at `revision`, read against `base` (the doc stored at that revision). */
function readCopy(store: Storage | undefined, key: string, revision: number, base: DraftDoc | undefined): Copy {
  let text: string | null | undefined;
  try {
    text = store?.getItem(key);
  } catch {
    return { found: false };
  }
  if (!text) return { found: false };
  try {
    const p: unknown = JSON.parse(text);
    if (typeof p === 'object' && p !== null && 'revision' in p && p.revision === revision) {
      if ('doc' in p && isDraftDoc(p.doc)) return { found: true, doc: p.doc, text };
      if ('patch' in p) {
        // Without the stored doc a patch cannot be read, but it is not stale: keep it.
        if (!base) return { found: true, text, needsBase: true };
        const doc = applyPatch(base, p.patch);
        if (isDraftDoc(doc)) return { found: true, doc, text };
      }
    }
  } catch {
    // unreadable: drop it
  }
  return { found: true };
}

/**
 * The unsaved doc for a draft stored at `revision` (`base`: the doc stored at that revision, which
 * a patch is applied to): this tab's stash, else a closing copy left by a tab that closed (moved
 * into this tab's stash, so the autosave stores it). Stale copies are dropped.
 */
export function pendingDoc(draftId: string, revision: number, base?: DraftDoc): DraftDoc | undefined {
  const own = readCopy(session(), pendingKey(draftId), revision, base);
  if (own.found && (own.doc || own.needsBase)) return own.doc;
  const closing = readCopy(local(), closingKey(draftId), revision, base);
  if (closing.found && closing.needsBase) return undefined;
  if (own.found || closing.found) clearPending(draftId);
  if (!closing.found || !closing.doc || !closing.text) return undefined;
  setWithRoom(pendingKey(draftId), closing.text, draftId);
  return closing.doc;
}

/** Whether unsaved edits on `revision` are waiting (this tab's stash or a closing copy), without reading them back. */
export function hasPending(draftId: string, revision: number): boolean {
  const waiting = (copy: Copy) => copy.found && (copy.doc !== undefined || copy.needsBase === true);
  return (
    waiting(readCopy(session(), pendingKey(draftId), revision, undefined)) ||
    waiting(readCopy(local(), closingKey(draftId), revision, undefined))
  );
}
