import { describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../domain/summary';
import {
  activeFilterCount,
  durationOf,
  filtersToParams,
  matchesFilters,
  matchesSearch,
  parseFilters,
  type LibraryFilters,
} from './library-filters';
import type { ScenarioStatus } from './scenario-status';

const summary = (over: Partial<ScenarioSummary> = {}): ScenarioSummary => ({
  id: 'glue',
  version: 'v1',
  title: 'The glue',
  summary: 'An engineering manager carries the team and wants to drop something.',
  estimatedMinutes: 12,
  competencies: [3, 4, 7],
  temptation: 'directing',
  client: { name: 'Amara', role: 'Engineering manager', background: '' },
  moments: 5,
  ...over,
});
const fresh: ScenarioStatus = { inProgress: false, completed: 0 };
const running: ScenarioStatus = { inProgress: true, completed: 0 };
const done: ScenarioStatus = { inProgress: false, completed: 2, bestShare: 0.5 };

describe('URL params <-> filters', () => {
  it('round-trips every filter through the URL', () => {
    const filters: LibraryFilters = { competency: 4, pull: 'rescuing', duration: 'medium', status: 'in-progress', q: 'team lead' };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe('competency=4&pull=rescuing&duration=medium&status=in-progress&q=team+lead');
    expect(parseFilters(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('reads an empty query as no filters and writes no filters as an empty query', () => {
    expect(parseFilters(new URLSearchParams(''))).toEqual({ q: '' });
    expect(filtersToParams({ q: '' }).toString()).toBe('');
    expect(filtersToParams({ q: '   ' }).toString()).toBe('');
  });

  it('ignores values it does not know, so an old or mistyped link still opens', () => {
    const f = parseFilters(new URLSearchParams('competency=9&pull=partnering&duration=forever&status=done&q=x'));
    expect(f).toEqual({ q: 'x' });
    expect(parseFilters(new URLSearchParams('competency=2.5')).competency).toBeUndefined();
    expect(parseFilters(new URLSearchParams('competency=abc')).competency).toBeUndefined();
  });

  it('counts active filters, search included', () => {
    expect(activeFilterCount({ q: '' })).toBe(0);
    expect(activeFilterCount({ competency: 1, pull: 'avoiding', q: 'x' })).toBe(3);
  });
});

describe('each filter', () => {
  it('competency keeps scenarios that practise it', () => {
    expect(matchesFilters(summary(), fresh, { competency: 4, q: '' })).toBe(true);
    expect(matchesFilters(summary(), fresh, { competency: 8, q: '' })).toBe(false);
  });

  it('main pull keeps scenarios with that temptation only', () => {
    expect(matchesFilters(summary(), fresh, { pull: 'directing', q: '' })).toBe(true);
    expect(matchesFilters(summary(), fresh, { pull: 'rescuing', q: '' })).toBe(false);
    const { temptation: _t, ...noPull } = summary();
    expect(matchesFilters(noPull, fresh, { pull: 'directing', q: '' })).toBe(false);
  });

  it('duration buckets: up to 10, 11-15, over 15 minutes', () => {
    expect([1, 10, 11, 15, 16, 40].map(durationOf)).toEqual(['short', 'short', 'medium', 'medium', 'long', 'long']);
    expect(matchesFilters(summary({ estimatedMinutes: 10 }), fresh, { duration: 'short', q: '' })).toBe(true);
    expect(matchesFilters(summary({ estimatedMinutes: 16 }), fresh, { duration: 'medium', q: '' })).toBe(false);
  });

  it('status: new, in progress, completed', () => {
    const f = (status: LibraryFilters['status']): LibraryFilters => ({ status, q: '' });
    expect([fresh, running, done].map((s) => matchesFilters(summary(), s, f('new')))).toEqual([true, false, false]);
    expect([fresh, running, done].map((s) => matchesFilters(summary(), s, f('in-progress')))).toEqual([false, true, false]);
    expect([fresh, running, done].map((s) => matchesFilters(summary(), s, f('completed')))).toEqual([false, false, true]);
    // Completed before and playing again: both "in progress" and "completed" find it.
    const both: ScenarioStatus = { inProgress: true, completed: 1, bestShare: 1 };
    expect(matchesFilters(summary(), both, f('in-progress')) && matchesFilters(summary(), both, f('completed'))).toBe(true);
  });

  it('combines filters with AND', () => {
    expect(matchesFilters(summary(), fresh, { competency: 4, pull: 'directing', duration: 'medium', status: 'new', q: 'amara' })).toBe(
      true,
    );
    expect(matchesFilters(summary(), fresh, { competency: 4, pull: 'directing', duration: 'short', q: '' })).toBe(false);
  });
});

describe('search', () => {
  it('finds words in the title, client name, role and summary, ignoring case and accents', () => {
    expect(matchesSearch(summary(), 'GLUE')).toBe(true);
    expect(matchesSearch(summary(), 'amara')).toBe(true);
    expect(matchesSearch(summary(), 'engineering')).toBe(true);
    expect(matchesSearch(summary(), 'drop something')).toBe(true);
    expect(matchesSearch(summary({ client: { name: 'Zoë', role: 'Nurse', background: '' } }), 'zoe')).toBe(true);
  });

  it('needs every word to appear, and an empty search matches everything', () => {
    expect(matchesSearch(summary(), 'amara banker')).toBe(false);
    expect(matchesSearch(summary(), '   ')).toBe(true);
  });
});
