import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import {
  PROGRESS_VERSION,
  emptyProgress,
  migrateProgress,
  type Attempt,
  type FeedbackTiming,
  type ProgressData,
  type Run,
} from './progress-schema';
import { readEnvelope, writeEnvelope } from './safe-storage';

export const PROGRESS_KEY = 'catalyst.progress';

/** Problems with browser storage, shown by the app shell. Not persisted. */
interface StorageHealth {
  unreadable?: { aside?: string; message: string };
  writeError?: string;
}
export const useStorageHealth = create<StorageHealth>(() => ({}));

const progressStorage: PersistStorage<ProgressData> = {
  getItem: (name) => {
    const state = readEnvelope(name, migrateProgress, (aside, error) =>
      useStorageHealth.setState({ unreadable: { aside, message: error instanceof Error ? error.message : String(error) } }),
    );
    return state ? { state, version: PROGRESS_VERSION } : null;
  },
  setItem: (name, value) => {
    const error = writeEnvelope(name, { version: value.version ?? PROGRESS_VERSION, state: value.state });
    if (error !== useStorageHealth.getState().writeError) useStorageHealth.setState({ writeError: error });
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      /* nothing to remove */
    }
  },
};

export interface FinishInfo {
  readonly scenarioTitle: string;
  readonly endingId?: string;
  readonly outcome?: string;
  readonly partneringShare: number;
  readonly choices: number;
  readonly status: Attempt['status'];
  readonly reason?: string;
  readonly feedbackTiming?: FeedbackTiming;
}

interface ProgressActions {
  startRun(scenarioId: string, scenarioVersion: string): Run;
  choose(scenarioId: string, choiceId: string, awaitFeedback: boolean): void;
  continueRun(scenarioId: string): void;
  /** Undo the last choice; the undone choice is kept in the run's record. */
  rewind(scenarioId: string): void;
  /** Close the current run as an attempt; returns the attempt id. */
  finishRun(scenarioId: string, info: FinishInfo): string | undefined;
  setNote(attemptId: string, note: string): void;
  setFeedbackTiming(timing: FeedbackTiming): void;
  eraseAll(): void;
}

export type ProgressStore = ProgressData & ProgressActions;

const now = () => new Date().toISOString();
const newId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export const useProgress = create<ProgressStore>()(
  persist(
    (set, get) => ({
      ...emptyProgress(),
      startRun(scenarioId, scenarioVersion) {
        const run: Run = { id: newId(), scenarioId, scenarioVersion, startedAt: now(), path: [], rewinds: [], awaitingContinue: false };
        set((s) => ({ runs: { ...s.runs, [scenarioId]: run } }));
        return run;
      },
      choose(scenarioId, choiceId, awaitFeedback) {
        const run = get().runs[scenarioId];
        if (!run) return;
        set((s) => ({ runs: { ...s.runs, [scenarioId]: { ...run, path: [...run.path, choiceId], awaitingContinue: awaitFeedback } } }));
      },
      continueRun(scenarioId) {
        const run = get().runs[scenarioId];
        if (run?.awaitingContinue) set((s) => ({ runs: { ...s.runs, [scenarioId]: { ...run, awaitingContinue: false } } }));
      },
      rewind(scenarioId) {
        const run = get().runs[scenarioId];
        const last = run?.path.at(-1);
        if (!run || last === undefined) return;
        const rewinds = [...run.rewinds, { step: run.path.length - 1, choiceId: last, at: now() }];
        set((s) => ({ runs: { ...s.runs, [scenarioId]: { ...run, path: run.path.slice(0, -1), rewinds, awaitingContinue: false } } }));
      },
      finishRun(scenarioId, info) {
        const run = get().runs[scenarioId];
        if (!run) return undefined;
        const attempt: Attempt = {
          id: run.id,
          scenarioId,
          scenarioVersion: run.scenarioVersion,
          startedAt: run.startedAt,
          finishedAt: now(),
          path: run.path,
          rewinds: run.rewinds,
          note: '',
          ...info,
        };
        set((s) => {
          const { [scenarioId]: _done, ...runs } = s.runs;
          return { runs, attempts: [...s.attempts, attempt] };
        });
        return attempt.id;
      },
      setNote(attemptId, note) {
        set((s) => ({ attempts: s.attempts.map((a) => (a.id === attemptId ? { ...a, note } : a)) }));
      },
      setFeedbackTiming(feedbackTiming) {
        set((s) => ({ settings: { ...s.settings, feedbackTiming } }));
      },
      eraseAll() {
        set(emptyProgress());
      },
    }),
    {
      name: PROGRESS_KEY,
      version: PROGRESS_VERSION,
      storage: progressStorage,
      partialize: (s): ProgressData => ({ runs: s.runs, attempts: s.attempts, settings: s.settings }),
    },
  ),
);

/** Export everything the trainee has stored, as a JSON string. */
export function exportProgress(): string {
  const { runs, attempts, settings } = useProgress.getState();
  return JSON.stringify({ app: 'catalyst', exportedAt: now(), version: PROGRESS_VERSION, state: { runs, attempts, settings } }, null, 2);
}
