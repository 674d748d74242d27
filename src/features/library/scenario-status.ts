import type { Attempt, Run } from '../../persistence/progress-schema';

/** Where the trainee stands with one scenario, from their stored progress. */
export interface ScenarioStatus {
  /** A run with at least one choice made is waiting to be resumed. */
  readonly inProgress: boolean;
  /** Completed attempts (abandoned ones do not count). */
  readonly completed: number;
  /** Best partnering share over completed attempts, 0-1. */
  readonly bestShare?: number;
}

export function scenarioStatus(scenarioId: string, runs: Readonly<Record<string, Run>>, attempts: readonly Attempt[]): ScenarioStatus {
  const run = runs[scenarioId];
  const done = attempts.filter((a) => a.scenarioId === scenarioId && a.status === 'completed');
  const bestShare = done.length ? Math.max(...done.map((a) => a.partneringShare)) : undefined;
  return { inProgress: !!run && run.path.length > 0, completed: done.length, ...(bestShare !== undefined ? { bestShare } : {}) };
}

import { percent } from '../../lib/format';

export { percent };

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** "New", "In progress", or "Completed 2 times · best partnering share 67%". */
export function statusLabel(status: ScenarioStatus): string {
  const completed =
    status.completed > 0 ? `Completed ${times(status.completed)} · best partnering share ${percent(status.bestShare ?? 0)}` : undefined;
  if (status.inProgress) return completed ? `In progress · ${completed.replace(/^C/, 'c')}` : 'In progress';
  return completed ?? 'New';
}

export type StatusTone = 'new' | 'in-progress' | 'completed';
export const statusTone = (status: ScenarioStatus): StatusTone =>
  status.inProgress ? 'in-progress' : status.completed > 0 ? 'completed' : 'new';
