import type { Scenario } from '../domain/schema';
import { scenarioVersion, summarize, type ScenarioSummary } from '../domain/summary';
import { getDraft, listDrafts, type DraftRecord } from './drafts';
import type { LoadedScenario, ScenarioSource } from './scenarios';

/**
 * Drafts in the trainee library: valid drafts are listed (marked Draft by the library) and play
 * like bundled scenarios, under the draft's id so they never shadow a bundled scenario. The list
 * uses the fields stored with each draft; zod and yaml load only when a draft is opened.
 */
export function draftSummary(record: DraftRecord): ScenarioSummary {
  return { ...summarize({ ...record.doc, id: record.id }, scenarioVersion(record.doc)), title: record.title };
}

export const draftsSource: ScenarioSource = {
  async list() {
    const records = await listDrafts();
    return records.filter((r) => r.valid).map(draftSummary);
  },
  async load(id): Promise<LoadedScenario | undefined> {
    const record = await getDraft(id);
    if (!record) return undefined;
    const { validateScenarioData } = await import('../domain/source');
    const { scenario } = validateScenarioData(record.doc, { lint: false });
    if (!scenario) return undefined;
    const version = scenarioVersion(record.doc);
    const played: Scenario = { ...scenario, id };
    return { scenario: played, version, summary: { ...summarize(played, version), title: record.title }, source: 'draft' };
  },
};
