import type { Scenario } from '../domain/schema';
import { scenarioVersion, summarize, type ScenarioSummary } from '../domain/summary';
import { libraryCard } from './draft-summary';
import { getDraft, listDraftSummaries, type DraftRecord } from './drafts';
import type { LoadedScenario, ScenarioSource } from './scenarios';

/**
 * Drafts in the trainee library: valid drafts are listed (marked Draft by the library) and play
 * like bundled scenarios, under the draft's id so they never shadow a bundled scenario. The list
 * reads each draft's summary record and its library card (draft-summary.ts), not the drafts:
 * a draft whose summary is missing or old is read once and its summary rebuilt, and a draft that
 * cannot be read stays out of the library (the studio lists it as damaged). zod and yaml load
 * only when a draft is opened.
 */
export const draftSummary = (record: DraftRecord): ScenarioSummary => libraryCard(record);

export const draftsSource: ScenarioSource = {
  async list() {
    const { summaries } = await listDraftSummaries();
    return summaries.flatMap((s) => (s.valid && s.card ? [s.card] : []));
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
