// @vitest-environment happy-dom
/**
 * The SCORM modules as the app loads them (through the records registry), with the real progress
 * store: an LMS relaunch puts its suspended run in the store, where the player resumes it.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { validateScenarioData, type Scenario } from '../../domain';
import { summarize } from '../../domain/summary';
import { emptyProgress, type Run } from '../../persistence/progress-schema';
import { useProgress } from '../../persistence/progress-store';
import type { LoadedScenario } from '../../persistence/scenarios';
import { tinyScenario } from '../../testing/fixtures';
import { RECORDS_LOADERS } from '../registry';
import type { RecordsDeps } from '../types';

type Win = Window & { API?: unknown; API_1484_11?: unknown };
const scenario = validateScenarioData(tinyScenario()).scenario as Scenario;
const loaded: LoadedScenario = { scenario, version: 'v1', summary: summarize(scenario, 'v1'), source: 'bundled' };
const deps: RecordsDeps = { loadScenario: async (id) => (id === 'tiny' ? loaded : undefined), report: () => {} };
const run: Run = {
  id: 'lms-run',
  scenarioId: 'tiny',
  scenarioVersion: 'v1',
  startedAt: '2026-11-30T10:00:00.000Z',
  path: ['tell'],
  rewinds: [],
  awaitingContinue: true,
  seed: 99,
};
const suspendData = JSON.stringify({ catalyst: 1, run });

beforeEach(() => useProgress.setState(emptyProgress()));
afterEach(() => {
  delete (window as Win).API;
  delete (window as Win).API_1484_11;
});

it('registers SCORM 1.2 and resumes the LMS-suspended run into the progress store', async () => {
  const api = new Scorm12API({ logLevel: 5 } as never);
  api.loadFromJSON({ suspend_data: suspendData, core: { entry: 'resume' } }, '');
  (window as Win).API = api;
  const sink = await (await RECORDS_LOADERS.scorm12!()).start({ ok: true, mode: 'scorm12', scenarioId: 'tiny' }, deps);
  expect(sink.destination).toMatch(/SCORM 1\.2/);
  expect(useProgress.getState().runs.tiny).toEqual(run);
});

it('registers SCORM 2004 the same way', async () => {
  const api = new Scorm2004API({ logLevel: 5 } as never);
  api.loadFromJSON({ suspend_data: suspendData, entry: 'resume' }, '');
  (window as Win).API_1484_11 = api;
  const sink = await (await RECORDS_LOADERS.scorm2004!()).start({ ok: true, mode: 'scorm2004', scenarioId: 'tiny' }, deps);
  expect(sink.judged).toBe(true);
  expect(useProgress.getState().runs.tiny?.path).toEqual(['tell']);
});
