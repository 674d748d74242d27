import type { ScenarioSummary } from '../domain/summary';
import { SCENARIO_RESOURCES, useResource } from './resource';
import { listScenarios, loadScenario, type LoadedScenario } from './scenarios';

/*
 * The scenario reads every page shares, over the keyed resource cache (./resource.ts). Keys start
 * with "scenario", which is what the drafts repository invalidates when a draft changes.
 */

/**
 * A scenario by id (bundled or draft), inside a Suspense boundary: undefined when there is no such
 * scenario (the page shows its not-found); a failed load reaches the route's error boundary.
 */
export function useScenario(id: string): LoadedScenario | undefined {
  return useResource(`${SCENARIO_RESOURCES}:${id}`, () => loadScenario(id));
}

export interface ScenarioEntry {
  readonly summary: ScenarioSummary;
  readonly source: 'bundled' | 'draft';
}

/** Every playable scenario, bundled then drafts; re-read when a draft is saved or deleted. */
export function useScenarioList(): readonly ScenarioEntry[] {
  return useResource(`${SCENARIO_RESOURCES}s`, listScenarios, { live: true });
}
