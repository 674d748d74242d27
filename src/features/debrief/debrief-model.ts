import type { Scenario } from '../../domain/schema';
import { compileScenario } from '../../engine/compile';
import { deriveDebrief, type Debrief } from '../../engine/debrief';
import { findPartneringPath, type PartneringPath } from '../../domain/paths';
import { currentNodeId, isFinished, replay } from '../../engine/run';
import type { Attempt } from '../../persistence/progress-schema';

export type DebriefModel =
  | { readonly kind: 'full'; readonly debrief: Debrief; readonly partnering?: PartneringPath }
  /** Only the stored figures can be shown: why, and the demonstration if the scenario still exists. */
  | { readonly kind: 'stored'; readonly why: 'abandoned' | 'changed' | 'missing'; readonly partnering?: PartneringPath };

/**
 * Rebuild an attempt's debrief by replaying its path on the scenario as it is now. Bundled
 * scenarios come with their partnering path computed at build time; drafts compute it here.
 */
export function buildDebriefModel(attempt: Attempt, scenario: Scenario | undefined, precomputed?: PartneringPath): DebriefModel {
  if (!scenario) return { kind: 'stored', why: 'missing' };
  const partnering = precomputed ?? findPartneringPath(scenario);
  const withPath = partnering ? { partnering } : {};
  if (attempt.status === 'abandoned') return { kind: 'stored', why: 'abandoned', ...withPath };
  const result = replay(compileScenario(scenario), attempt.path);
  if (!result.ok) return { kind: 'stored', why: 'changed', ...withPath };
  result.actor.stop();
  const endingId = currentNodeId(result.snapshot);
  if (!isFinished(result.snapshot) || (attempt.endingId && attempt.endingId !== endingId))
    return { kind: 'stored', why: 'changed', ...withPath };
  return { kind: 'full', debrief: deriveDebrief(scenario, result.snapshot.context.steps, endingId), ...withPath };
}
