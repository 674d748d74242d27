/**
 * The studio's sessionStorage (one tab, about 5 M characters in Chromium and Firefox) holds three
 * kinds of entry, in order of what losing them costs the author:
 *   1. `catalyst.pending.<draft>`: the last-keystroke stash, edits not yet in IndexedDB;
 *   2. `catalyst.history.<draft>`: undo histories, a convenience that survives a reload;
 *   3. `catalyst.selection.<draft>`: the node selected in the editor.
 * The stash must always fit, so when it does not, kinds 3 and 2 are evicted to make room
 * (other drafts' entries first, then the open draft's). This module owns that order.
 */
export const PENDING_PREFIX = 'catalyst.pending.';
export const HISTORY_PREFIX = 'catalyst.history.';
export const SELECTION_PREFIX = 'catalyst.selection.';

export function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keys in this tab's sessionStorage that start with `prefix`. */
export function sessionKeys(prefix: string): string[] {
  const store = session();
  const keys: string[] = [];
  if (!store) return keys;
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
  } catch {
    // storage went away: nothing to list
  }
  return keys;
}

function remove(key: string): void {
  try {
    session()?.removeItem(key);
  } catch {
    // ignore
  }
}

/** Remove every entry of `prefix` except the one for `keepDraftId`. Returns how many went. */
export function evictOthers(prefix: string, keepDraftId?: string): number {
  const keys = sessionKeys(prefix).filter((k) => k !== `${prefix}${keepDraftId}`);
  keys.forEach(remove);
  return keys.length;
}

/**
 * Write `value` under `key`, evicting the cheaper kinds of entry to make room when the store is
 * full: selections, then other drafts' histories, then the open draft's history. Never evicts a
 * stash. Returns false only when the value does not fit in an otherwise emptied store.
 */
export function setWithRoom(key: string, value: string, draftId: string): boolean {
  const store = session();
  if (!store) return false;
  const attempt = () => {
    try {
      store.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };
  if (attempt()) return true;
  const steps = [() => evictOthers(SELECTION_PREFIX), () => evictOthers(HISTORY_PREFIX, draftId), () => evictOthers(HISTORY_PREFIX)];
  for (const step of steps) if (step() > 0 && attempt()) return true;
  return false;
}
