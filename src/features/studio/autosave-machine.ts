import { assign, fromPromise, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { DraftDoc } from '../../domain/edit/ops';
import type { History } from '../../domain/edit/history';
import {
  ConflictError,
  clearPending,
  getStoredDraft,
  saveDraft,
  saveHistory,
  saveHistorySoon,
  flushHistory,
  stashClosing,
  stashPending,
  storageErrorMessage,
  type DraftRecord,
} from '../../persistence/drafts';
import { buildRecord, countProblems, type ProblemCounts } from './draft-records';

/**
 * Autosave of one draft as a statechart. This is the code where a bug loses an author's work, so
 * every transition is written out here with the reason for it; the hook (use-autosave.ts) only
 * forwards events and reads the state.
 *
 *   saved ──doc.changed──▶ dirty ──(debounce | page.hidden)──▶ saving ──▶ saved | dirty | conflict | error
 *
 * Rules that hold in every state:
 * - "Saved" (the `saved` state) is entered only when the stored draft equals the doc on screen:
 *   at load, after a save whose IndexedDB transaction completed, or after undoing back to it.
 * - Every change is copied at once into the synchronous session stash (sessionStorage), not on the
 *   debounce, so a reload or a renderer crash cannot lose the last keystroke; leaving the page with
 *   unsaved edits also writes a closing copy to localStorage, which outlives a closed tab. Both are
 *   cleared only when a save of exactly that doc completed.
 * - A save never overwrites another tab's newer revision: the stored revision is checked in the
 *   same transaction (ConflictError), and other tabs' saves are heard on a BroadcastChannel.
 */

export interface SaveInput {
  readonly draftId: string;
  readonly doc: DraftDoc;
  /** The stored revision the doc builds on (undefined: read it from storage first). */
  readonly revision: number | undefined;
  readonly createdAt: number | undefined;
  readonly counts: ProblemCounts | undefined;
  /**
   * Where to get the counts when the page has none yet (its checks are still running): the page's
   * checks worker. Without it, or when the page is being left (`urgent`: no waiting on a worker
   * while the tab closes), they are counted here.
   */
  readonly countsOf?: ((doc: DraftDoc) => Promise<ProblemCounts>) | undefined;
  readonly urgent?: boolean | undefined;
}

export interface SaveOutput {
  readonly doc: DraftDoc;
  readonly revision: number;
  readonly createdAt: number;
}

/** The real save: resolves only after the IndexedDB transaction has completed (saveDraft awaits tx.done). */
export const saveToIndexedDb = fromPromise<SaveOutput, SaveInput>(async ({ input }) => {
  let { revision, createdAt } = input;
  if (revision === undefined) {
    const stored = await getStoredDraft(input.draftId);
    revision = stored?.revision ?? 0;
    createdAt = stored?.createdAt;
  }
  const counts = input.counts ?? (input.countsOf && !input.urgent ? await input.countsOf(input.doc) : countProblems(input.doc));
  const record = buildRecord(input.draftId, input.doc, counts, createdAt);
  const saved = await saveDraft(record, revision);
  return { doc: input.doc, revision: saved.revision, createdAt: saved.createdAt };
});

/** Reading the stored version back (the user chose "Reload their version"). */
export const loadStoredDraft = fromPromise<DraftRecord | undefined, { readonly draftId: string }>(({ input }) =>
  getStoredDraft(input.draftId),
);

export interface AutosaveInput {
  readonly draftId: string;
  /** The doc on screen at mount (undefined until it arrives). */
  readonly doc: DraftDoc | undefined;
  readonly revision: number | undefined;
  /** The doc holds edits recovered from the session stash that are not in IndexedDB yet. */
  readonly recovered: boolean;
  readonly history?: History<DraftDoc> | undefined;
  readonly delayMs?: number | undefined;
  /** The page's checks, for counts it does not have yet (see SaveInput). */
  readonly countsOf?: ((doc: DraftDoc) => Promise<ProblemCounts>) | undefined;
}

export interface AutosaveContext {
  readonly draftId: string;
  /** The doc on screen (the latest doc.changed). */
  readonly doc: DraftDoc | undefined;
  /** The doc last stored in IndexedDB; null when the stored version is not in memory (recovered edits). */
  readonly savedDoc: DraftDoc | null | undefined;
  readonly revision: number | undefined;
  readonly createdAt: number | undefined;
  /** Problem counts of `doc`, when the page has them (saves validating twice). */
  readonly counts: ProblemCounts | undefined;
  readonly history: History<DraftDoc> | undefined;
  /** The last failed save's message, kept until a save succeeds (the header says "Not saved" meanwhile). */
  readonly error: string | undefined;
  readonly conflict: 'changed' | 'deleted' | undefined;
  /** The stored draft read back by user.reloadTheirs (undefined if it was deleted). */
  readonly theirs: DraftRecord | undefined;
  readonly delayMs: number;
  readonly countsOf: ((doc: DraftDoc) => Promise<ProblemCounts>) | undefined;
  /** The page is being hidden or left: the next save counts problems itself rather than wait for the worker. */
  readonly urgent: boolean;
}

export type AutosaveEvent =
  | {
      readonly type: 'doc.changed';
      readonly doc: DraftDoc;
      readonly counts?: ProblemCounts | undefined;
      readonly history?: History<DraftDoc> | undefined;
    }
  | { readonly type: 'page.hidden' }
  | { readonly type: 'tab.saved'; readonly revision: number }
  | { readonly type: 'tab.deleted' }
  | { readonly type: 'user.reloadTheirs' };

type ChangedEvent = Extract<AutosaveEvent, { type: 'doc.changed' }>;
const changed = (e: AutosaveEvent): ChangedEvent | undefined => (e.type === 'doc.changed' ? e : undefined);

export const autosaveMachine = setup({
  types: {
    context: {} as AutosaveContext,
    events: {} as AutosaveEvent,
    input: {} as AutosaveInput,
  },
  actors: { save: saveToIndexedDb, loadStored: loadStoredDraft },
  delays: {
    debounce: ({ context }) => context.delayMs,
  },
  guards: {
    /** The changed doc is the one already stored (e.g. undo back to it): nothing to write. */
    isStoredDoc: ({ context, event }) => changed(event)?.doc === context.savedDoc,
    /** Not a new doc, only fresher counts or history for the doc on screen. */
    isSameDoc: ({ context, event }) => changed(event)?.doc === context.doc,
    /** The first doc to arrive counts as stored (the page loaded it from IndexedDB). */
    isFirstDoc: ({ context }) => context.savedDoc === undefined,
    /** Another tab stored a revision newer than the one this tab's edits build on. */
    isNewerRevision: ({ context, event }) =>
      event.type === 'tab.saved' && (context.revision === undefined || event.revision > context.revision),
    isConflictError: (_, params: { error: unknown }) => params.error instanceof ConflictError,
    /** The save that just completed stored the doc that is still on screen. */
    savedCurrentDoc: ({ context }, params: { output: SaveOutput }) => params.output.doc === context.doc,
  },
  actions: {
    /** Take the event's doc (and its counts and history) as the doc on screen. */
    takeDoc: assign(({ context, event }) => {
      const e = changed(event);
      if (!e) return {};
      const sameDoc = e.doc === context.doc;
      return { doc: e.doc, counts: e.counts ?? (sameDoc ? context.counts : undefined), history: e.history ?? context.history };
    }),
    takeFirstDoc: assign(({ event }) => {
      const e = changed(event);
      return e ? { doc: e.doc, savedDoc: e.doc, counts: e.counts, history: e.history } : {};
    }),
    /**
     * Synchronous copy of the doc on screen, on the revision it builds on (sessionStorage): a patch
     * on the stored doc when that is in memory (a few kB per keystroke instead of the whole draft).
     */
    stash: ({ context }) => {
      if (context.doc) stashPending(context.draftId, context.revision ?? 0, context.doc, context.savedDoc ?? undefined);
    },
    /** Leaving with unsaved edits: a copy in localStorage outlives a closed tab (draft-pending.ts). */
    stashForClose: ({ context }) => {
      if (context.doc) stashClosing(context.draftId, context.revision ?? 0, context.doc, context.savedDoc ?? undefined);
    },
    /** Leaving: the write that starts now must not wait on the checks worker. */
    markUrgent: assign({ urgent: true }),
    flushHistory: () => flushHistory(),
    /** Drop the stash and any closing copy. */
    clearStash: ({ context }) => clearPending(context.draftId),
    /** Undo history into sessionStorage, so undo survives a reload of this tab: now (the page is being left)… */
    storeHistory: ({ context }) => {
      if (context.history) saveHistory(context.draftId, context.history);
    },
    /** …or after a save, once the browser is idle, so no keystroke waits for it (draft-history.ts). */
    storeHistorySoon: ({ context }) => {
      if (context.history) saveHistorySoon(context.draftId, context.history);
    },
    recordSaved: assign((_, params: { output: SaveOutput }) => ({
      urgent: false,
      savedDoc: params.output.doc,
      revision: params.output.revision,
      createdAt: params.output.createdAt,
      error: undefined,
    })),
    recordError: assign((_, params: { error: unknown }) => ({ error: storageErrorMessage(params.error) })),
    recordConflict: assign((_, params: { reason: 'changed' | 'deleted' }) => ({ conflict: params.reason })),
    takeTheirs: assign((_, params: { theirs: DraftRecord | undefined }) => ({
      theirs: params.theirs,
      doc: params.theirs?.doc,
      savedDoc: params.theirs?.doc,
      revision: params.theirs?.revision ?? 0,
      createdAt: params.theirs?.createdAt,
      conflict: undefined,
      error: undefined,
    })),
  },
}).createMachine({
  id: 'autosave',
  context: ({ input }) => ({
    draftId: input.draftId,
    doc: input.doc,
    // Recovered edits are not what IndexedDB holds: null makes every doc differ from the stored one.
    savedDoc: input.recovered ? null : input.doc,
    revision: input.revision,
    createdAt: undefined,
    counts: undefined,
    history: input.history,
    error: undefined,
    conflict: undefined,
    theirs: undefined,
    delayMs: input.delayMs ?? 300,
    countsOf: input.countsOf,
    urgent: false,
  }),
  // Recovered edits (the tab closed before they reached IndexedDB) are stored like any new edit.
  initial: 'boot',
  states: {
    boot: {
      always: [{ guard: ({ context }) => context.savedDoc === null, target: 'dirty' }, { target: 'saved' }],
    },
    saved: {
      on: {
        'doc.changed': [
          // The page's first doc is what it loaded from storage: nothing to write.
          { guard: 'isFirstDoc', actions: 'takeFirstDoc' },
          // Same doc as stored (fresher counts, or undo then redo before the debounce): stay saved.
          { guard: 'isStoredDoc', actions: 'takeDoc' },
          // A real edit: stash it at once, and wait for the typing to pause.
          { target: 'dirty', actions: ['takeDoc', 'stash'] },
        ],
        // Leaving or hiding the page with everything stored: the history the last save queued
        // for idle time is written now.
        'page.hidden': { actions: 'flushHistory' },
        // Another tab saved a newer revision: saving here would overwrite it, so stop and ask.
        'tab.saved': { guard: 'isNewerRevision', target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'changed' } } },
        'tab.deleted': { target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'deleted' } } },
      },
    },
    dirty: {
      // The debounce: the write starts `delayMs` after the last change (300 ms: stored within 500 ms).
      after: { debounce: 'saving' },
      on: {
        'doc.changed': [
          // Undone back to the stored doc before the debounce fired: nothing to write, and say so.
          { guard: 'isStoredDoc', target: 'saved', actions: ['takeDoc', 'clearStash'] },
          // Only counts or history changed: keep the running debounce.
          { guard: 'isSameDoc', actions: 'takeDoc' },
          // Another keystroke: stash it and restart the debounce.
          { target: 'dirty', reenter: true, actions: ['takeDoc', 'stash'] },
        ],
        // Leaving or hiding the page: the stash is current already; keep a copy that outlives the
        // tab, store the history, and write now.
        'page.hidden': { target: 'saving', actions: ['markUrgent', 'stashForClose', 'storeHistory'] },
        'tab.saved': { guard: 'isNewerRevision', target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'changed' } } },
        'tab.deleted': { target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'deleted' } } },
      },
    },
    saving: {
      invoke: {
        src: 'save',
        input: ({ context }): SaveInput => ({
          draftId: context.draftId,
          doc: context.doc!,
          revision: context.revision,
          createdAt: context.createdAt,
          counts: context.counts,
          countsOf: context.countsOf,
          urgent: context.urgent,
        }),
        onDone: [
          // The transaction completed and nothing changed meanwhile: now, and only now, "Saved".
          {
            guard: { type: 'savedCurrentDoc', params: ({ event }) => ({ output: event.output }) },
            target: 'saved',
            actions: [{ type: 'recordSaved', params: ({ event }) => ({ output: event.output }) }, 'clearStash', 'storeHistorySoon'],
          },
          // Edits arrived while writing: they build on the new revision, so re-stash them on it and save again.
          {
            target: 'dirty',
            actions: [{ type: 'recordSaved', params: ({ event }) => ({ output: event.output }) }, 'stash', 'storeHistorySoon'],
          },
        ],
        onError: [
          // The stored revision moved on (another tab) or the draft was deleted: stop and ask.
          {
            guard: { type: 'isConflictError', params: ({ event }) => ({ error: event.error }) },
            target: 'conflict',
            actions: {
              type: 'recordConflict',
              params: ({ event }) => ({ reason: (event.error as ConflictError).reason }),
            },
          },
          // Quota, an aborted transaction, blocked storage: say so in plain words. The edits stay in
          // memory and in the stash (never cleared on failure).
          { target: 'error', actions: { type: 'recordError', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
      on: {
        // Typing goes on while writing: take and stash it; onDone sees that the doc moved on.
        'doc.changed': { actions: ['takeDoc', 'stash'] },
        // Hidden while writing: the write may not finish before the tab goes; keep the copies.
        'page.hidden': { actions: ['stashForClose', 'storeHistory'] },
        'tab.saved': { guard: 'isNewerRevision', target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'changed' } } },
        'tab.deleted': { target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'deleted' } } },
      },
    },
    error: {
      on: {
        // The next edit retries (through the debounce); the header keeps "Not saved" until a save succeeds.
        'doc.changed': [
          { guard: 'isSameDoc', actions: 'takeDoc' },
          { target: 'dirty', actions: ['takeDoc', 'stash'] },
        ],
        // Leaving or hiding the page: keep the copies, and one more try at once.
        'page.hidden': { target: 'saving', actions: ['markUrgent', 'stashForClose', 'storeHistory'] },
        'tab.saved': { guard: 'isNewerRevision', target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'changed' } } },
        'tab.deleted': { target: 'conflict', actions: { type: 'recordConflict', params: { reason: 'deleted' } } },
      },
    },
    conflict: {
      // Nothing is written until the user chooses. Edits are kept in memory ("Keep mine as a copy").
      on: {
        'doc.changed': { actions: 'takeDoc' },
        'user.reloadTheirs': 'reloading',
      },
    },
    reloading: {
      // Their version replaces this tab's edits: drop the stash, read the stored draft.
      entry: 'clearStash',
      invoke: {
        src: 'loadStored',
        input: ({ context }) => ({ draftId: context.draftId }),
        onDone: { target: 'saved', actions: { type: 'takeTheirs', params: ({ event }) => ({ theirs: event.output }) } },
        // Storage failed while reading: report it; the edits in memory are still there.
        onError: { target: 'error', actions: { type: 'recordError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});

export type AutosaveActor = ActorRefFrom<typeof autosaveMachine>;
export type AutosaveSnapshot = SnapshotFrom<typeof autosaveMachine>;
