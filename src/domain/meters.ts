import { own } from './own';
import type { Comparison, Meters, Scenario } from './schema';

export const clamp = (n: number): number => Math.min(100, Math.max(0, n));

export const initialMeters = (scenario: Scenario): Meters =>
  Object.fromEntries(Object.entries(scenario.meters).map(([id, m]) => [id, clamp(m.initial)]));

/** Add a choice's effects, then clamp every meter to 0-100. */
export function applyEffects(meters: Meters, effects: Readonly<Record<string, number>>): Meters {
  const next: Meters = { ...meters };
  for (const [id, delta] of Object.entries(effects)) next[id] = clamp((own(next, id) ?? 0) + delta);
  return next;
}

function holds(value: number, c: Comparison): boolean {
  return (
    (c.gte === undefined || value >= c.gte) &&
    (c.gt === undefined || value > c.gt) &&
    (c.lte === undefined || value <= c.lte) &&
    (c.lt === undefined || value < c.lt)
  );
}

/** True when every listed meter satisfies its comparison (no `when` always holds). */
export function conditionHolds(meters: Meters, when: Readonly<Record<string, Comparison>> | undefined): boolean {
  if (!when) return true;
  return Object.entries(when).every(([id, c]) => holds(own(meters, id) ?? 0, c));
}

/** Describe a route condition for people: "trust ≥ 60 and ownership < 40". */
export function describeCondition(scenario: Scenario, when: Readonly<Record<string, Comparison>> | undefined): string {
  if (!when) return 'otherwise';
  const ops: [keyof Comparison, string][] = [
    ['gte', '≥'],
    ['gt', '>'],
    ['lte', '≤'],
    ['lt', '<'],
  ];
  return Object.entries(when)
    .flatMap(([id, c]) =>
      ops.filter(([k]) => c[k] !== undefined).map(([k, sym]) => `${own(scenario.meters, id)?.label ?? id} ${sym} ${c[k]}`),
    )
    .join(' and ');
}
