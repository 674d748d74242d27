import { OUTCOME_LABELS, type Outcome } from '../../domain/kinds';
import type { Attempt } from '../../persistence/progress-schema';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

import { percent } from '../../lib/format';

export { percent };

const REASONS: Readonly<Record<string, string>> = {
  restarted: 'started again',
  replayed: 'replayed from a debrief',
};

/** "Breakthrough", or "Abandoned: started again". */
export function endingLabel(attempt: Attempt): string {
  if (attempt.status === 'abandoned') {
    const reason = attempt.reason ? (REASONS[attempt.reason] ?? attempt.reason) : 'not finished';
    return `Abandoned: ${reason}`;
  }
  if (!attempt.outcome) return 'Finished';
  return Object.hasOwn(OUTCOME_LABELS, attempt.outcome) ? OUTCOME_LABELS[attempt.outcome as Outcome] : attempt.outcome;
}

export const newestFirst = (attempts: readonly Attempt[]): Attempt[] =>
  [...attempts].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
