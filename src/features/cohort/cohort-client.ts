import type { CohortReport, CohortScenario } from '../../engine/cohort';
import { workerCall } from '../../lib/worker-call';
import type { CohortJob, CohortSource } from './aggregate-sources';

export type { CohortSource };

/**
 * Aggregation runs in a Web Worker so the page stays responsive (100,000 statements take about
 * a second to parse and aggregate; see `npm run bench:cohort`). Without workers it runs here,
 * from a lazily imported chunk.
 */
const aggregate = workerCall<CohortJob, CohortReport>({
  create: () => new Worker(new URL('./cohort.worker.ts', import.meta.url), { type: 'module', name: 'cohort-aggregate' }),
  onMainThread: (job) => import('./aggregate-sources').then((m) => m.aggregateSources(job)),
  onFailure: (message) => message ?? 'The aggregation worker stopped. Reload the page and try again.',
});

export function aggregateInWorker(sources: readonly CohortSource[], scenarios: readonly CohortScenario[]): Promise<CohortReport> {
  return aggregate({ sources, scenarios });
}
