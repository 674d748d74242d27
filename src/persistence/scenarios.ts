import { loadScenario as loadBundled, summaries } from 'virtual:catalyst/scenarios';
import type { Scenario } from '../domain/schema';
import type { PartneringPath } from '../domain/paths';
import type { ScenarioSummary } from '../domain/summary';

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly version: string;
  readonly summary: ScenarioSummary;
  readonly source: 'bundled' | 'draft';
  /** Precomputed at build for bundled scenarios; compute with findPartneringPath otherwise. */
  readonly partneringPath?: PartneringPath;
}

/**
 * Scenario sources beyond the bundled ones (the studio registers drafts here). Kept as a tiny
 * registry so the player never imports the studio.
 */
export interface ScenarioSource {
  list(): Promise<ScenarioSummary[]>;
  load(id: string): Promise<LoadedScenario | undefined>;
}
const extraSources: ScenarioSource[] = [];
export const registerScenarioSource = (source: ScenarioSource) => void extraSources.push(source);

export const bundledSummaries = (): readonly ScenarioSummary[] => summaries;

export async function listScenarios(): Promise<{ summary: ScenarioSummary; source: 'bundled' | 'draft' }[]> {
  const extra = await Promise.all(extraSources.map((s) => s.list().catch(() => [])));
  return [
    ...summaries.map((summary) => ({ summary, source: 'bundled' as const })),
    ...extra.flat().map((summary) => ({ summary, source: 'draft' as const })),
  ];
}

export async function loadScenario(id: string): Promise<LoadedScenario | undefined> {
  const bundled = await loadBundled(id);
  if (bundled) {
    const summary = summaries.find((s) => s.id === id)!;
    return { ...bundled, summary, source: 'bundled' };
  }
  for (const source of extraSources) {
    const found = await source.load(id).catch(() => undefined);
    if (found) return found;
  }
  return undefined;
}
