/**
 * The bar every bundled scenario meets (structure, no lint), and what the library as a whole
 * must cover. Reads scenarios/*.yaml as shipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathStats } from './paths';
import { formatProblem } from './problem';
import { parseScenarioSource } from './source';
import { DRIFT_STANCES } from './stances';
import type { Scenario } from './schema';

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const loaded = files.map((file) => {
  const { scenario, problems } = parseScenarioSource(readFileSync(`scenarios/${file}`, 'utf8'), {
    expectedId: file.replace(/\.yaml$/, ''),
  });
  return { file, scenario, problems };
});

describe.each(loaded)('scenarios/$file', ({ file, scenario, problems }) => {
  it('passes every check and lint with no warnings', () => {
    expect(problems.map((p) => formatProblem(`scenarios/${file}`, p))).toEqual([]);
  });

  const s = scenario as Scenario;
  const nodes = () => Object.values(s.nodes);

  it('has at least 8 moments with 3-4 responses each', () => {
    const moments = nodes().filter((n) => n.kind === 'moment');
    expect(moments.length).toBeGreaterThanOrEqual(8);
    for (const m of moments) {
      expect(m.choices.length).toBeGreaterThanOrEqual(3);
      expect(m.choices.length).toBeLessThanOrEqual(4);
    }
  });

  it('routes on the meters at least once', () => {
    expect(nodes().some((n) => n.kind === 'route' && n.routes.some((r) => r.when))).toBe(true);
  });

  it('has at least 3 reachable endings with different outcomes', () => {
    const stats = pathStats(s);
    const outcomes = new Set([...stats.endings].map((id) => (s.nodes[id] as { outcome: string }).outcome));
    expect(stats.endings.size).toBeGreaterThanOrEqual(3);
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
  });

  it('takes at least 5 coach choices on every path', () => {
    const stats = pathStats(s);
    expect(stats.complete).toBe(true);
    expect(stats.minChoices).toBeGreaterThanOrEqual(5);
  });

  it('carries a facilitator guide and names its main pull', () => {
    expect(s.facilitator?.discussion.length).toBeGreaterThanOrEqual(2);
    expect(s.facilitator?.driftNotes.length).toBeGreaterThanOrEqual(1);
    expect(s.temptation).toBeDefined();
  });
});

describe('the library as a whole', () => {
  const scenarios = loaded.map((l) => l.scenario).filter((s): s is Scenario => !!s);

  it('has at least eight scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
  });

  it.each(DRIFT_STANCES)('has at least two scenarios whose main pull is %s', (stance) => {
    expect(scenarios.filter((s) => s.temptation === stance).length).toBeGreaterThanOrEqual(2);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('practises ICF competency %i in at least two scenarios', (n) => {
    expect(scenarios.filter((s) => s.competencies.includes(n)).length).toBeGreaterThanOrEqual(2);
  });
});
