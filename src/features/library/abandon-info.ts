import type { Scenario } from '../../domain/schema';
import { compileScenario } from '../../engine/compile';
import { resolveSteps } from '../../engine/debrief';
import { replay } from '../../engine/run';

/**
 * Partnering share of a run that is being abandoned, measured by replaying its path on the
 * engine (the longest prefix that still fits, if the scenario changed since).
 */
export function abandonedShare(scenario: Scenario, path: readonly string[]): number {
  const machine = compileScenario(scenario);
  let result = replay(machine, path);
  if (!result.ok) result = replay(machine, path.slice(0, result.failedAt));
  if (!result.ok) return 0;
  const steps = resolveSteps(scenario, result.snapshot.context.steps);
  result.actor.stop();
  if (!steps.length) return 0;
  return steps.filter((s) => s.choice.stance === 'partnering').length / steps.length;
}
