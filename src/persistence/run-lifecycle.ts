import type { Scenario } from '../domain/schema';
import { runFigures } from '../engine/run';
import type { Attempt, Run } from './progress-schema';
import { useProgress } from './progress-store';

/*
 * The run lifecycle's endings: completing, abandoning and restarting a run. The one place these
 * rules live; pages only ask. The figures come from the engine (the path replayed), and the store
 * stores the attempt and emits run.completed / run.abandoned after storing it. These sit beside
 * the store rather than in it so that the library's first download (which loads the store) does
 * not carry the compiler: measured with `npm run bundle:check`, the entry chunks weighed 116.9 kB
 * gzip with these in the store and 101.3 kB with them here (the briefing imports this on demand).
 */

/**
 * Why a run was closed unfinished: a code the progress page words ('restarted' from the briefing,
 * 'replayed' from a debrief), or a sentence (a scenario that changed under the run).
 */
export type AbandonReason = 'restarted' | 'replayed' | (string & {});

/** Whether a run holds anything worth keeping as an attempt: a choice, or one undone. */
const hasHistory = (run: Run) => run.path.length > 0 || run.rewinds.length > 0;

const attemptOf = (run: Run, scenario: Scenario) => ({
  id: run.id,
  scenarioId: run.scenarioId,
  scenarioVersion: run.scenarioVersion,
  scenarioTitle: scenario.title,
  startedAt: run.startedAt,
  finishedAt: new Date().toISOString(),
  path: run.path,
  rewinds: run.rewinds,
  note: '',
});

/**
 * Close the scenario's run as a completed attempt when its path reaches an ending; returns the
 * attempt id, or undefined when there is no finished run.
 */
export function completeRun(scenario: Scenario): string | undefined {
  const store = useProgress.getState();
  const run = store.runs[scenario.id];
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
    feedbackTiming: store.settings.feedbackTiming,
  };
  store.closeRun(attempt, 'run.completed');
  return attempt.id;
}

/**
 * Close the scenario's run unfinished as an abandoned attempt, with the share of what was played;
 * returns its id. A run with no choice made or undone is left as it is (there is nothing to keep).
 */
export function abandonRun(scenario: Scenario, reason: AbandonReason): string | undefined {
  const store = useProgress.getState();
  const run = store.runs[scenario.id];
  if (!run || !hasHistory(run)) return undefined;
  const figures = runFigures(scenario, run.path);
  const attempt: Attempt = {
    ...attemptOf(run, scenario),
    status: 'abandoned',
    reason,
    partneringShare: figures.partneringShare,
    choices: figures.choices,
  };
  store.closeRun(attempt, 'run.abandoned');
  return attempt.id;
}

/**
 * A new attempt: abandon the current run and start a new one with a new seed (Start again,
 * Replay, a run that no longer fits). A run with nothing in it yet is kept and given a new seed
 * instead, so no empty attempt is recorded and records keep the run they saw start.
 */
export function restartRun(scenario: Scenario, scenarioVersion: string, reason: AbandonReason): Run {
  const store = useProgress.getState();
  const current = store.runs[scenario.id];
  if (current && !hasHistory(current)) return store.reseedRun(scenario.id, scenarioVersion)!;
  abandonRun(scenario, reason);
  return useProgress.getState().startRun(scenario.id, scenarioVersion);
}
