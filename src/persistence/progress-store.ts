import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import {
  PROGRESS_VERSION,
  emptyProgress,
  migrateProgress,
  newSeed,
  runSchema,
  type Attempt,
  type FeedbackTiming,
  type ProgressData,
  type Run,
} from './progress-schema';
import { emitRunEvent } from './run-events';
import { localStore, readEnvelope, writeEnvelope } from './safe-storage';
import * as v from 'valibot';

export const PROGRESS_KEY = 'catalyst.progress';

/** Problems with browser storage, shown by the app shell. Not persisted. */
interface StorageHealth {
  unreadable?: { aside?: string; message: string };
  writeError?: string;
  /**
   * Saving is paused: stored progress could not be read and there was no room to copy it aside,
   * so it still sits under PROGRESS_KEY and writing there would destroy it. This session's
   * progress is kept in memory until space is freed (`resumeSaving`).
   */
  memoryOnly?: boolean;
  /** The trainee has downloaded the unreadable copy in this session. */
  downloaded?: boolean;
}
export const useStorageHealth = create<StorageHealth>(() => ({}));

const progressStorage: PersistStorage<ProgressData> = {
  getItem: (name) => {
    const state = readEnvelope(name, migrateProgress, (aside, error, kept) =>
      useStorageHealth.setState({
        unreadable: { ...(aside ? { aside } : {}), message: error instanceof Error ? error.message : String(error) },
        memoryOnly: kept,
      }),
    );
    return state ? { state, version: PROGRESS_VERSION } : null;
  },
  setItem: (name, value) => {
    // Never write over unreadable progress that could not be copied aside.
    if (useStorageHealth.getState().memoryOnly) return;
    const error = writeEnvelope(name, { version: value.version ?? PROGRESS_VERSION, state: value.state });
    if (error !== useStorageHealth.getState().writeError) useStorageHealth.setState({ writeError: error });
  },
  removeItem: (name) => {
    if (useStorageHealth.getState().memoryOnly) return;
    try {
      localStorage.removeItem(name);
    } catch {
      /* nothing to remove */
    }
  },
};

interface ProgressActions {
  /** Begin a new run (a fresh seed) for a scenario that has none; emits run.started. */
  startRun(scenarioId: string, scenarioVersion: string): Run;
  choose(scenarioId: string, choiceId: string, awaitFeedback: boolean): void;
  continueRun(scenarioId: string): void;
  /** Undo the last choice; the undone choice is kept in the run's record. */
  rewind(scenarioId: string): void;
  /**
   * Store a run's end: remove it and add its attempt, then emit `event`. For run-lifecycle.ts,
   * which computes the attempt's figures through the engine; pages ask that module instead.
   */
  closeRun(attempt: Attempt, event: 'run.completed' | 'run.abandoned'): void;
  /** Give an open run a new seed (a new attempt at the same run that has nothing in it yet). */
  reseedRun(scenarioId: string, scenarioVersion: string): Run | undefined;
  /**
   * Put a run from an outside resume source (an LMS's suspend data) in place for its scenario.
   * Validated first; emits nothing, since it is a resume. Returns whether it was taken.
   */
  adoptRun(run: unknown): boolean;
  setNote(attemptId: string, note: string): void;
  setFeedbackTiming(timing: FeedbackTiming): void;
  /** Remove all but the newest `keep` attempts (to free storage); returns how many went. */
  dropOldAttempts(keep: number): number;
  eraseAll(): void;
}

export type ProgressStore = ProgressData & ProgressActions;

const now = () => new Date().toISOString();
const newId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export const useProgress = create<ProgressStore>()(
  persist(
    (set, get) => {
      const putRun = (run: Run) => set((s) => ({ runs: { ...s.runs, [run.scenarioId]: run } }));

      const store: ProgressStore = {
        ...emptyProgress(),
        startRun(scenarioId, scenarioVersion) {
          const run: Run = {
            id: newId(),
            scenarioId,
            scenarioVersion,
            startedAt: now(),
            path: [],
            rewinds: [],
            awaitingContinue: false,
            seed: newSeed(),
          };
          putRun(run);
          emitRunEvent({ type: 'run.started', run });
          return run;
        },
        choose(scenarioId, choiceId, awaitFeedback) {
          const run = get().runs[scenarioId];
          if (!run) return;
          const next = { ...run, path: [...run.path, choiceId], awaitingContinue: awaitFeedback };
          putRun(next);
          emitRunEvent({ type: 'run.chose', run: next, choiceId });
        },
        continueRun(scenarioId) {
          const run = get().runs[scenarioId];
          if (run?.awaitingContinue) putRun({ ...run, awaitingContinue: false });
        },
        rewind(scenarioId) {
          const run = get().runs[scenarioId];
          const last = run?.path.at(-1);
          if (!run || last === undefined) return;
          const rewinds = [...run.rewinds, { step: run.path.length - 1, choiceId: last, at: now() }];
          const next = { ...run, path: run.path.slice(0, -1), rewinds, awaitingContinue: false };
          putRun(next);
          emitRunEvent({ type: 'run.rewound', run: next, choiceId: last });
        },
        closeRun(attempt, type) {
          const run = get().runs[attempt.scenarioId];
          if (!run || run.id !== attempt.id) return;
          set((s) => {
            const { [attempt.scenarioId]: _done, ...runs } = s.runs;
            return { runs, attempts: [...s.attempts, attempt] };
          });
          emitRunEvent({ type, run, attempt });
        },
        reseedRun(scenarioId, scenarioVersion) {
          const run = get().runs[scenarioId];
          if (!run) return undefined;
          const reseeded = { ...run, scenarioVersion, seed: newSeed() };
          putRun(reseeded);
          return reseeded;
        },
        adoptRun(candidate) {
          const parsed = v.safeParse(runSchema, candidate);
          if (!parsed.success) return false;
          putRun(parsed.output);
          return true;
        },
        setNote(attemptId, note) {
          set((s) => ({ attempts: s.attempts.map((a) => (a.id === attemptId ? { ...a, note } : a)) }));
        },
        setFeedbackTiming(feedbackTiming) {
          set((s) => ({ settings: { ...s.settings, feedbackTiming } }));
        },
        dropOldAttempts(keep) {
          const { attempts } = get();
          if (attempts.length <= keep) return 0;
          const kept = [...attempts].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt)).slice(0, keep);
          const keepIds = new Set(kept.map((a) => a.id));
          set({ attempts: attempts.filter((a) => keepIds.has(a.id)) });
          return attempts.length - kept.length;
        },
        eraseAll() {
          set(emptyProgress());
        },
      };
      return store;
    },
    {
      name: PROGRESS_KEY,
      version: PROGRESS_VERSION,
      storage: progressStorage,
      partialize: (s): ProgressData => ({ runs: s.runs, attempts: s.attempts, settings: s.settings }),
    },
  ),
);

/**
 * The text of the unreadable progress still under PROGRESS_KEY (saving paused), so it can be
 * downloaded at once; undefined when there is none.
 */
export function keptUnreadable(): string | undefined {
  if (!useStorageHealth.getState().memoryOnly) return undefined;
  try {
    return localStore()?.getItem(PROGRESS_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Export everything the trainee has stored, as a JSON string. */
export function exportProgress(): string {
  const { runs, attempts, settings } = useProgress.getState();
  return JSON.stringify({ app: 'catalyst', exportedAt: now(), version: PROGRESS_VERSION, state: { runs, attempts, settings } }, null, 2);
}
