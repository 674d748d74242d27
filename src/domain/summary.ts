import { hashString } from '../lib/hash';
import type { Scenario } from './schema';
import type { Stance } from './stances';

/** What the library card and briefing need, without the whole conversation. */
export interface ScenarioSummary {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly summary: string;
  readonly estimatedMinutes: number;
  readonly competencies: readonly number[];
  readonly temptation?: Exclude<Stance, 'partnering'>;
  readonly client: { readonly name: string; readonly role: string; readonly background: string };
  readonly moments: number;
}

/** The fields a summary reads: a Scenario, or a studio draft's doc (whose optional fields have no defaults yet). */
export type SummarySource = Pick<Scenario, 'id' | 'title' | 'summary' | 'estimatedMinutes' | 'competencies' | 'temptation' | 'client'> & {
  readonly nodes: Readonly<Record<string, { readonly kind: string }>>;
};

/** A scenario's version: a hash of its content, so a run knows when the file changed. */
export const scenarioVersion = (scenario: SummarySource): string => versionOfJson(JSON.stringify(scenario));
/** The version of a scenario whose JSON.stringify is `json` (for callers that already have it). */
export const versionOfJson = (json: string): string => hashString(json);

export function summarize(scenario: SummarySource, version = scenarioVersion(scenario)): ScenarioSummary {
  return {
    id: scenario.id,
    version,
    title: scenario.title,
    summary: scenario.summary,
    estimatedMinutes: scenario.estimatedMinutes,
    competencies: scenario.competencies,
    ...(scenario.temptation ? { temptation: scenario.temptation } : {}),
    client: scenario.client,
    moments: Object.values(scenario.nodes).filter((n) => n.kind === 'moment').length,
  };
}
