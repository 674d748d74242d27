import type { Problem } from './problem';
import type { Scenario } from './schema';

/** Content lint an editor of coaching material would want. Filled in by the scenario-library work. */
export function lintScenario(_scenario: Scenario): Problem[] {
  return [];
}
