import { useProgress } from '../../persistence/progress-store';
import type { RecordsModule } from '../types';
import { startScormSession, type RunStore } from './scorm-session';

/** The progress store as a SCO sees it: the open run, and adopting the one the LMS kept. */
const progressRuns: RunStore = {
  runFor: (scenarioId) => useProgress.getState().runs[scenarioId],
  adoptRun: (run) => useProgress.getState().adoptRun(run),
};

/** SCORM 1.2 and 2004 SCOs for the records registry (src/records/registry.ts). */
export const scorm12Module: RecordsModule = {
  start: (launch, deps) =>
    startScormSession('1.2', launch.scenarioId, { loadScenario: deps.loadScenario, report: deps.report, store: progressRuns }),
};
export const scorm2004Module: RecordsModule = {
  start: (launch, deps) =>
    startScormSession('2004', launch.scenarioId, { loadScenario: deps.loadScenario, report: deps.report, store: progressRuns }),
};
