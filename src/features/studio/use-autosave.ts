import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { waitFor } from 'xstate';
import { updateMeta, type DraftDoc } from '../../domain/edit/ops';
import type { History } from '../../domain/edit/history';
import { hasPending, onDraftMessage, type DraftRecord } from '../../persistence/drafts';
import { autosaveMachine, type AutosaveSnapshot } from './autosave-machine';
import { createDraft, type ProblemCounts } from './draft-records';

/**
 * 'saving': there are changes not yet stored (shown at once, stored within 500 ms);
 * 'conflict': another tab changed or deleted this draft; nothing is saved until the user chooses
 * (reloadTheirs or keepMineAsCopy); {error}: the last save failed and no save has succeeded since,
 * the message says what to do.
 */
export type AutosaveStatus = 'saving' | 'saved' | 'conflict' | { readonly error: string };

export interface Autosave {
  readonly status: AutosaveStatus;
  /** Set when status is 'conflict'. */
  readonly conflict?: { readonly reason: 'changed' | 'deleted' };
  /** Drop this tab's unsaved edits and take the stored version (undefined if it was deleted). */
  reloadTheirs(): Promise<DraftRecord | undefined>;
  /** Save this tab's version as a new draft ("Title (my copy)"); resolves with the new draft id. */
  keepMineAsCopy(): Promise<string>;
}

export interface AutosaveOptions {
  /** The revision `doc` was loaded at; if omitted it is read from storage before the first save. */
  readonly baseRevision?: number;
  /** Undo history, stored in sessionStorage with each save so undo survives a reload. */
  readonly history?: History<DraftDoc>;
  /** Precomputed problem counts for the current doc (saves validating twice). */
  readonly counts?: ProblemCounts;
  /** Counts for a doc the page has none for yet (its checks worker); see SaveInput.countsOf. */
  readonly countsOf?: (doc: DraftDoc) => Promise<ProblemCounts>;
  /** Debounce after the last change; default 300 ms (saved within 500 ms). */
  readonly delayMs?: number;
  /** The machine to run (tests pass `autosaveMachine.provide(...)` with a fake save). */
  readonly machine?: typeof autosaveMachine;
}

/** What the header shows, read from the chart (see autosave-machine.ts for every transition). */
export function statusOf(snapshot: AutosaveSnapshot): AutosaveStatus {
  if (snapshot.matches('conflict')) return 'conflict';
  // A failed save stays reported while the retry waits or runs: "Saved" only after a save succeeds.
  if (snapshot.context.error !== undefined && !snapshot.matches('saved')) return { error: snapshot.context.error };
  return snapshot.matches('saved') ? 'saved' : 'saving';
}

const sameStatus = (a: AutosaveStatus, b: AutosaveStatus) =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a.error === b.error);

/**
 * Saves a draft to IndexedDB shortly after each change, when the page is hidden or left, and when
 * the editor unmounts. The first doc passed in counts as already saved (unless it holds edits
 * recovered from this tab's stash). Mount one per draft (key the component by id).
 */
export function useAutosave(draftId: string, doc: DraftDoc | undefined, options: AutosaveOptions = {}): Autosave {
  const base = options.baseRevision;
  // Read once: useActorRef takes its input at mount only, and reading the stash on every render
  // parsed the whole draft per keystroke (10-20 ms at 1,000-2,000 nodes, bench:studio --profile).
  const [recovered] = useState(() => base !== undefined && hasPending(draftId, base));
  const actor = useActorRef(options.machine ?? autosaveMachine, {
    input: {
      draftId,
      doc,
      revision: base,
      recovered,
      history: options.history,
      delayMs: options.delayMs,
      countsOf: options.countsOf,
    },
  });
  const status = useSelector(actor, statusOf, sameStatus);
  const conflict = useSelector(actor, (s) => (s.matches('conflict') ? s.context.conflict : undefined));
  const docRef = useRef(doc);

  // Every change reaches the chart before paint, so the stash is current before anything can close
  // the page. Counts and history ride along (the chart tells a new doc from fresher counts).
  const { counts, history } = options;
  useLayoutEffect(() => {
    docRef.current = doc;
    if (doc) actor.send({ type: 'doc.changed', doc, counts, history });
  }, [actor, doc, counts, history]);

  // Leaving or hiding the page: write now (the stash already holds the edits). Unmounting does the
  // same; a layout-effect cleanup runs before useActorRef stops the actor, and the write it starts
  // finishes on its own.
  useEffect(() => {
    const onHide = () => actor.send({ type: 'page.hidden' });
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [actor]);
  useLayoutEffect(() => () => actor.send({ type: 'page.hidden' }), [actor]);

  // Another tab saved or deleted this draft.
  useEffect(
    () =>
      onDraftMessage((m) => {
        if (m.id !== draftId) return;
        actor.send(m.type === 'deleted' ? { type: 'tab.deleted' } : { type: 'tab.saved', revision: m.revision });
      }),
    [actor, draftId],
  );

  const reloadTheirs = useCallback(async () => {
    actor.send({ type: 'user.reloadTheirs' });
    const done = await waitFor(actor, (s) => !s.matches('reloading'));
    return done.context.theirs;
  }, [actor]);

  const keepMineAsCopy = useCallback(async () => {
    const mine = docRef.current;
    if (!mine) throw new Error('Nothing to copy yet.');
    const title = typeof mine.title === 'string' && mine.title ? mine.title : 'Untitled scenario';
    const record = await createDraft(updateMeta(mine, { title: `${title} (my copy)` }));
    return record.id;
  }, []);

  return { status, ...(conflict ? { conflict: { reason: conflict } } : {}), reloadTheirs, keepMineAsCopy };
}
