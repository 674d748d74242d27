import type { Attempt, Run } from './progress-schema';

/**
 * What happens to a trainee's run, announced by the progress store after each lifecycle action
 * has been stored. Learner-records sinks (xAPI, cmi5, SCORM) listen here, so the pages never call
 * them and the store never imports them: records are one more listener, loaded only in a launched
 * mode.
 */
export type RunEvent =
  /** A new run began (not a resume of a stored one). */
  | { readonly type: 'run.started'; readonly run: Run }
  /** A response was chosen; `run.path` already ends with `choiceId`. */
  | { readonly type: 'run.chose'; readonly run: Run; readonly choiceId: string }
  /** "Try a different response": `choiceId` was undone; `run.path` no longer holds it. */
  | { readonly type: 'run.rewound'; readonly run: Run; readonly choiceId: string }
  /** The run reached an ending and became an attempt. */
  | { readonly type: 'run.completed'; readonly run: Run; readonly attempt: Attempt }
  /** The run was closed unfinished (Start again, Replay, or a scenario that changed). */
  | { readonly type: 'run.abandoned'; readonly run: Run; readonly attempt: Attempt };

type Listener = (event: RunEvent) => void;
const listeners = new Set<Listener>();

/** Listen to run events; returns the function that stops listening. */
export function onRunEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Called by the progress store only. A failing listener never breaks the trainee's run. */
export function emitRunEvent(event: RunEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      console.error('A run-event listener failed', error);
    }
  }
}
