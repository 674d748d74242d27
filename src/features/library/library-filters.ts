import { DRIFT_STANCES, type DriftStance } from '../../domain/stances';
import type { ScenarioSummary } from '../../domain/summary';
import type { ScenarioStatus } from './scenario-status';

/**
 * The library's filters, kept in the URL search params so a filtered view can be shared:
 *   ?competency=4&pull=rescuing&duration=short&status=new&q=manager
 * Pure functions only; the page reads and writes them through useSearchParams.
 */
export const DURATIONS = ['short', 'medium', 'long'] as const;
export type Duration = (typeof DURATIONS)[number];
export const DURATION_LABELS: Readonly<Record<Duration, string>> = {
  short: 'Up to 10 min',
  medium: '11–15 min',
  long: 'Over 15 min',
};

export const STATUS_FILTERS = ['new', 'in-progress', 'completed'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Readonly<Record<StatusFilter, string>> = {
  new: 'New',
  'in-progress': 'In progress',
  completed: 'Completed',
};

export interface LibraryFilters {
  readonly competency?: number;
  readonly pull?: DriftStance;
  readonly duration?: Duration;
  readonly status?: StatusFilter;
  /** Free-text search; empty string when not searching. */
  readonly q: string;
}

export const NO_FILTERS: LibraryFilters = { q: '' };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Read filters from URL search params; unknown or malformed values are ignored. */
export function parseFilters(params: URLSearchParams): LibraryFilters {
  const n = Number(params.get('competency'));
  const competency = Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
  const pull = oneOf(DRIFT_STANCES, params.get('pull'));
  const duration = oneOf(DURATIONS, params.get('duration'));
  const status = oneOf(STATUS_FILTERS, params.get('status'));
  return {
    ...(competency !== undefined ? { competency } : {}),
    ...(pull ? { pull } : {}),
    ...(duration ? { duration } : {}),
    ...(status ? { status } : {}),
    q: params.get('q') ?? '',
  };
}

/** Write filters as URL search params, leaving out what is not set (stable order). */
export function filtersToParams(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.competency !== undefined) params.set('competency', String(filters.competency));
  if (filters.pull) params.set('pull', filters.pull);
  if (filters.duration) params.set('duration', filters.duration);
  if (filters.status) params.set('status', filters.status);
  if (filters.q.trim()) params.set('q', filters.q);
  return params;
}

/** How many filters (search included) narrow the list. */
export const activeFilterCount = (f: LibraryFilters): number =>
  [f.competency !== undefined, !!f.pull, !!f.duration, !!f.status, !!f.q.trim()].filter(Boolean).length;

export function durationOf(minutes: number): Duration {
  if (minutes <= 10) return 'short';
  if (minutes <= 15) return 'medium';
  return 'long';
}

/** Case- and accent-insensitive text for search. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Every word of the query appears in the title, the client's name or role, or the summary. */
export function matchesSearch(summary: ScenarioSummary, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = fold([summary.title, summary.client.name, summary.client.role, summary.summary].join(' '));
  return words.every((w) => haystack.includes(w));
}

export function matchesStatus(status: ScenarioStatus, filter: StatusFilter): boolean {
  switch (filter) {
    case 'new':
      return !status.inProgress && status.completed === 0;
    case 'in-progress':
      return status.inProgress;
    case 'completed':
      return status.completed > 0;
  }
}

export function matchesFilters(summary: ScenarioSummary, status: ScenarioStatus, f: LibraryFilters): boolean {
  if (f.competency !== undefined && !summary.competencies.includes(f.competency)) return false;
  if (f.pull && summary.temptation !== f.pull) return false;
  if (f.duration && durationOf(summary.estimatedMinutes) !== f.duration) return false;
  if (f.status && !matchesStatus(status, f.status)) return false;
  return matchesSearch(summary, f.q);
}
