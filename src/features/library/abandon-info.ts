import type { Scenario } from '../../domain/schema';
import { compileScenario } from '../../engine/compile';
import { shareOfPath } from '../../engine/run';

/** Partnering share of a run that is being abandoned (see the engine's shareOfPath). */
export const abandonedShare = (scenario: Scenario, path: readonly string[]): number =>
  shareOfPath(scenario, compileScenario(scenario), path);
