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

interface Pending {
  readonly revision: number;
  readonly doc: DraftDoc;
}

/** Stash the doc; false when even an emptied sessionStorage cannot hold it (the save still runs). */
export function stashPending(draftId: string, revision: number, doc: DraftDoc): boolean {
  return setWithRoom(pendingKey(draftId), JSON.stringify({ revision, doc } satisfies Pending), draftId);
}

export function clearPending(draftId: string): void {
  try {
    session()?.removeItem(pendingKey(draftId));
  } catch {
    // ignore
  }
}

/** The unsaved doc for a draft stored at `revision`, if this tab left one; stale copies are dropped. */
export function pendingDoc(draftId: string, revision: number): DraftDoc | undefined {
  let text: string | null | undefined;
  try {
    text = session()?.getItem(pendingKey(draftId));
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const p: unknown = JSON.parse(text);
    if (typeof p === 'object' && p !== null && 'revision' in p && p.revision === revision && 'doc' in p && isDraftDoc(p.doc)) return p.doc;
  } catch {
    // unreadable: drop it
  }
  clearPending(draftId);
  return undefined;
}
