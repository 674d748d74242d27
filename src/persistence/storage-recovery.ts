import { PROGRESS_VERSION } from './progress-schema';
import { PROGRESS_KEY, useProgress, useStorageHealth } from './progress-store';
import { asideKey, localStore, writeEnvelope } from './safe-storage';

/*
 * Getting saving back after storage trouble (see `memoryOnly` in progress-store.ts). Only the
 * progress page asks for this, so it stays out of the library's first download.
 */

/**
 * After space was freed: copy the unreadable progress aside (or find it gone, because the trainee
 * removed it after downloading it) and save this session's progress again. Returns whether saving
 * is back on; while it is not, nothing is written over the unreadable copy. Also retries a save
 * that failed for lack of room.
 */
export function resumeSaving(): boolean {
  const health = useStorageHealth.getState();
  const ls = localStore();
  if (!ls) return false;
  let aside: string | undefined;
  if (health.memoryOnly) {
    try {
      const raw = ls.getItem(PROGRESS_KEY);
      if (raw !== null) {
        aside = asideKey(PROGRESS_KEY);
        ls.setItem(aside, raw);
      }
    } catch {
      return false; // still no room: keep the original where it is
    }
  }
  useStorageHealth.setState({ memoryOnly: false, ...(aside && health.unreadable ? { unreadable: { ...health.unreadable, aside } } : {}) });
  const { runs, attempts, settings } = useProgress.getState();
  const error = writeEnvelope(PROGRESS_KEY, { version: PROGRESS_VERSION, state: { runs, attempts, settings } });
  useStorageHealth.setState({ writeError: error });
  return error === undefined;
}

/**
 * Remove the unreadable progress that could not be copied aside, once the trainee has downloaded
 * it and asked for it to go; then save again. Only while saving is paused.
 */
export function discardUnreadable(): boolean {
  if (!useStorageHealth.getState().memoryOnly) return false;
  try {
    localStore()?.removeItem(PROGRESS_KEY);
  } catch {
    return false;
  }
  // The trainee has the file and let this copy go: nothing unreadable is left to speak of.
  useStorageHealth.setState({ unreadable: undefined });
  return resumeSaving();
}
