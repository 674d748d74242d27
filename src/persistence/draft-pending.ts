import type { DraftDoc } from '../domain/edit/doc';

/**
 * Last-chance copy of unsaved edits. When the page is hidden or unloaded, IndexedDB writes may
 * not finish; this synchronous sessionStorage copy (same tab only) is picked up by the next
 * getDraft if the stored draft is still at the revision the edits were based on.
 */
export const pendingKey = (draftId: string) => `catalyst.pending.${draftId}`;

interface Pending {
  readonly revision: number;
  readonly doc: DraftDoc;
}

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function stashPending(draftId: string, revision: number, doc: DraftDoc): void {
  try {
    session()?.setItem(pendingKey(draftId), JSON.stringify({ revision, doc } satisfies Pending));
  } catch {
    // quota: the async save is still under way
  }
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
    const p = JSON.parse(text) as Partial<Pending>;
    if (p.revision === revision && typeof p.doc === 'object' && p.doc !== null) return p.doc;
  } catch {
    // unreadable: drop it
  }
  clearPending(draftId);
  return undefined;
}
