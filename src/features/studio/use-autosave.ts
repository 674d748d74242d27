import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { updateMeta, type DraftDoc } from '../../domain/edit/ops';
import type { History } from '../../domain/edit/history';
import {
  ConflictError, clearPending, getStoredDraft, onDraftMessage, pendingDoc, saveDraft, saveHistory, stashPending,
  storageErrorMessage, type DraftRecord,
} from '../../persistence/drafts';
import { buildRecord, countProblems, createDraft, type ProblemCounts } from './draft-records';

/**
 * 'saving': there are changes not yet stored (shown at once, stored within 500 ms);
 * 'conflict': another tab changed or deleted this draft; nothing is saved until the user chooses
 * (reloadTheirs or keepMineAsCopy); {error}: the save failed, the message says what to do.
 */
export type AutosaveStatus = 'saving' | 'saved' | 'conflict' | { readonly error: string };

export interface Autosave {
  readonly status: AutosaveStatus;
  /** Set when status is 'conflict'. */
  readonly conflict?: { readonly reason: 'changed' | 'deleted' };
  /** Store pending changes now (resolves when stored or failed). */
  saveNow(): Promise<void>;
  /** Drop this tab's unsaved edits and take the stored version (undefined if it was deleted). */
  reloadTheirs(): Promise<DraftRecord | undefined>;
  /** Save this tab's version as a new draft ("Title (my copy)"); resolves with the new draft id. */
  keepMineAsCopy(): Promise<string>;
}

export interface AutosaveOptions {
  /** The revision `doc` was loaded at; if omitted it is read from storage on mount. */
  readonly baseRevision?: number;
  /** Undo history, stored in sessionStorage with each save so undo survives a reload. */
  readonly history?: History<DraftDoc>;
  /** Precomputed problem counts for the current doc (saves validating twice). */
  readonly counts?: ProblemCounts;
  /** Debounce after the last change; default 300 ms (saved within 500 ms). */
  readonly delayMs?: number;
}

/**
 * Saves a draft to IndexedDB shortly after each change, on pagehide and when the tab is hidden.
 * The first doc passed in counts as already saved. Mount one per draft (key the component by id).
 */
export function useAutosave(draftId: string, doc: DraftDoc | undefined, options: AutosaveOptions = {}): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>('saved');
  const [conflict, setConflict] = useState<{ reason: 'changed' | 'deleted' }>();
  const docRef = useRef(doc);
  // The doc last stored (undefined until the first doc arrives; null: recovered edits not stored yet).
  const savedRef = useRef<DraftDoc | undefined | null>(undefined);
  const revisionRef = useRef<number | undefined>(options.baseRevision);
  const createdRef = useRef<number | undefined>(undefined);
  const optsRef = useRef(options);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inflight = useRef<Promise<void> | undefined>(undefined);
  const conflictRef = useRef(false);
  const scheduleRef = useRef<() => void>(() => undefined);
  useLayoutEffect(() => {
    docRef.current = doc;
    optsRef.current = options;
  });

  const enterConflict = useCallback((reason: 'changed' | 'deleted') => {
    clearTimeout(timer.current);
    conflictRef.current = true;
    setConflict({ reason });
    setStatus('conflict');
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    const current = docRef.current;
    if (!current || conflictRef.current) return;
    // Back to the stored doc before the debounce fired (undo then redo): nothing to write, but say so.
    if (current === savedRef.current) return setStatus((s) => (s === 'saving' ? 'saved' : s));
    const run = (async () => {
      try {
        if (revisionRef.current === undefined) {
          const stored = await getStoredDraft(draftId);
          revisionRef.current = stored?.revision ?? 0;
          createdRef.current = stored?.createdAt;
        }
        const { counts, history } = optsRef.current;
        const record = buildRecord(draftId, current, (current === docRef.current && counts) || countProblems(current), createdRef.current);
        const saved = await saveDraft(record, revisionRef.current);
        revisionRef.current = saved.revision;
        createdRef.current = saved.createdAt;
        savedRef.current = current;
        clearPending(draftId);
        if (history) saveHistory(draftId, history);
        setStatus(docRef.current === current ? 'saved' : 'saving');
        return true;
      } catch (error) {
        if (error instanceof ConflictError) enterConflict(error.reason);
        else setStatus({ error: storageErrorMessage(error) });
        return false;
      }
    })();
    inflight.current = run.then(() => undefined);
    const ok = await run;
    inflight.current = undefined;
    // Edits made while saving: store them too (after a failure, the next edit retries).
    if (ok && docRef.current !== savedRef.current && !conflictRef.current) scheduleRef.current();
  }, [draftId, enterConflict]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), optsRef.current.delayMs ?? 300);
  }, [flush]);
  useLayoutEffect(() => {
    scheduleRef.current = schedule;
  }, [schedule]);

  // Each change: show "Saving…" at once and store after the debounce.
  useEffect(() => {
    if (!doc) return;
    if (savedRef.current === undefined) {
      // The first doc is what is stored, unless it holds edits recovered after a reload.
      const base = optsRef.current.baseRevision;
      const recovered = base !== undefined && pendingDoc(draftId, base) !== undefined;
      savedRef.current = recovered ? null : doc;
      if (!recovered) return;
    }
    if (doc === savedRef.current || conflictRef.current) return;
    setStatus((s) => (typeof s === 'object' ? s : 'saving'));
    schedule();
  }, [doc, schedule, draftId]);

  // Leaving or hiding the page: keep a synchronous copy (the IndexedDB write may not finish
  // before the page goes) and store now. Unmounting: store what is pending.
  useEffect(() => {
    const leaving = () => {
      const current = docRef.current;
      if (current && current !== savedRef.current && !conflictRef.current) {
        stashPending(draftId, revisionRef.current ?? 0, current);
        if (optsRef.current.history) saveHistory(draftId, optsRef.current.history);
      }
      void flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && leaving();
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush, draftId]);

  // Another tab saved or deleted this draft: stop and tell the user.
  useEffect(
    () =>
      onDraftMessage((m) => {
        if (m.id !== draftId) return;
        if (m.type === 'deleted') enterConflict('deleted');
        else if (revisionRef.current === undefined || m.revision > revisionRef.current) enterConflict('changed');
      }),
    [draftId, enterConflict],
  );

  const reloadTheirs = useCallback(async () => {
    clearTimeout(timer.current);
    clearPending(draftId);
    const stored = await getStoredDraft(draftId);
    revisionRef.current = stored?.revision ?? 0;
    createdRef.current = stored?.createdAt;
    savedRef.current = stored?.doc;
    conflictRef.current = false;
    setConflict(undefined);
    setStatus('saved');
    return stored;
  }, [draftId]);

  const keepMineAsCopy = useCallback(async () => {
    const mine = docRef.current;
    if (!mine) throw new Error('Nothing to copy yet.');
    const title = typeof mine.title === 'string' && mine.title ? mine.title : 'Untitled scenario';
    const record = await createDraft(updateMeta(mine, { title: `${title} (my copy)` }));
    return record.id;
  }, []);

  return { status, ...(conflict ? { conflict } : {}), saveNow: flush, reloadTheirs, keepMineAsCopy };
}
