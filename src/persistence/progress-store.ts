import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import type { Scenario } from '../domain/schema';
import { runFigures } from '../engine/run';
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
import { asideKey, localStore, readEnvelope, writeEnvelope } from './safe-storage';
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

/**
 * Why a run was closed unfinished: a code the progress page words ('restarted' from the briefing,
 * 'replayed' from a debrief), or a sentence (a scenario that changed under the run).
 */
export type AbandonReason = 'restarted' | 'replayed' | (string & {});

interface ProgressActions {
  /** Begin a new run (a fresh seed) for a scenario that has none; emits run.started. */
  startRun(scenarioId: string, scenarioVersion: string): Run;
  choose(scenarioId: string, choiceId: string, awaitFeedback: boolean): void;
  continueRun(scenarioId: string): void;
  /** Undo the last choice; the undone choice is kept in the run's record. */
  rewind(scenarioId: string): void;
  /**
   * Close the run as a completed attempt when its path reaches an ending of `scenario`; returns
   * the attempt id, or undefined when there is no finished run.
   */
  completeRun(scenario: Scenario): string | undefined;
  /**
   * Close the run unfinished as an abandoned attempt; returns its id. A run with no choice made or
   * undone is left as it is (there is nothing to keep).
   */
  abandonRun(scenario: Scenario, reason: AbandonReason): string | undefined;
  /**
   * Abandon the current run and start a new one with a new seed; a run with nothing in it yet is
   * kept and given a new seed instead.
   */
  restartRun(scenario: Scenario, scenarioVersion: string, reason: AbandonReason): Run;
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
/** Whether a run holds anything worth keeping as an attempt: a choice, or one undone. */
const hasHistory = (run: Run) => run.path.length > 0 || run.rewinds.length > 0;
const newId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export const useProgress = create<ProgressStore>()(
  persist(
    (set, get) => {
      const putRun = (run: Run) => set((s) => ({ runs: { ...s.runs, [run.scenarioId]: run } }));
      const close = (run: Run, attempt: Attempt) =>
        set((s) => {
          const { [run.scenarioId]: _done, ...runs } = s.runs;
          return { runs, attempts: [...s.attempts, attempt] };
        });
      const attemptOf = (run: Run, scenario: Scenario) => ({
        id: run.id,
        scenarioId: run.scenarioId,
        scenarioVersion: run.scenarioVersion,
        scenarioTitle: scenario.title,
        startedAt: run.startedAt,
        finishedAt: now(),
        path: run.path,
        rewinds: run.rewinds,
        note: '',
      });

      const store: ProgressStore = {
        ...emptyProgress(),
        startRun(scenarioId, scenarioVersion) {
          const run: Run = { id: newId(), scenarioId, scenarioVersion, startedAt: now(), path: [], rewinds: [], awaitingContinue: false, seed: newSeed() };
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
        completeRun(scenario) {
          const run = get().runs[scenario.id];
          if (!run) return undefined;
          const figures = runFigures(scenario, run.path);
          if (!figures.ending) return undefined;
          const attempt: Attempt = {
            ...attemptOf(run, scenario),
            status: 'completed',
            endingId: figures.ending.id,
            outcome: figures.ending.outcome,
            partneringShare: figures.partneringShare,
            choices: figures.choices,
            feedbackTiming: get().settings.feedbackTiming,
          };
          close(run, attempt);
          emitRunEvent({ type: 'run.completed', run, attempt });
          return attempt.id;
        },
        abandonRun(scenario, reason) {
          const run = get().runs[scenario.id];
          // Nothing chosen or undone yet: nothing to keep as an attempt, and the run stays open.
          if (!run || !hasHistory(run)) return undefined;
          const figures = runFigures(scenario, run.path);
          const attempt: Attempt = {
            ...attemptOf(run, scenario),
            status: 'abandoned',
            reason,
            partneringShare: figures.partneringShare,
            choices: figures.choices,
          };
          close(run, attempt);
          emitRunEvent({ type: 'run.abandoned', run, attempt });
          return attempt.id;
        },
        restartRun(scenario, scenarioVersion, reason) {
          const current = get().runs[scenario.id];
          if (current && !hasHistory(current)) {
            // A run with nothing in it yet is the same attempt, newly shuffled: no empty attempt
            // in the history, and records keep the one run they were told had started.
            const reseeded = { ...current, scenarioVersion, seed: newSeed() };
            putRun(reseeded);
            return reseeded;
          }
          get().abandonRun(scenario, reason);
          return get().startRun(scenario.id, scenarioVersion);
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

/** Export everything the trainee has stored, as a JSON string. */
export function exportProgress(): string {
  const { runs, attempts, settings } = useProgress.getState();
  return JSON.stringify({ app: 'catalyst', exportedAt: now(), version: PROGRESS_VERSION, state: { runs, attempts, settings } }, null, 2);
}
