import type { CohortReport, CohortScenario } from '../../engine/cohort';
import type { CohortRequest, CohortResponse, CohortSource } from './cohort.worker';

export type { CohortSource };

/**
 * Aggregation runs in a Web Worker so the page stays responsive (100,000 statements take about
 * a second to parse and aggregate; see `npm run bench:cohort`). Without workers it runs here,
 * from a lazily imported chunk.
 */
let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: CohortReport) => void; reject: (e: Error) => void }>();

async function onMainThread(sources: readonly CohortSource[], scenarios: readonly CohortScenario[]): Promise<CohortReport> {
  const m = await import('../../engine/cohort');
  const read = m.newReadResult();
  for (const s of sources) {
    if ('file' in s) m.readFileText(read, s.name, await s.file.text());
    else {
      read.files++;
      m.readJson(read, s.name, s.statements);
    }
  }
  return m.aggregateCohort(read, scenarios);
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof Worker === 'undefined') return (worker = null);
    worker = new Worker(new URL('./cohort.worker.ts', import.meta.url), { type: 'module', name: 'cohort-aggregate' });
    worker.onmessage = (event: MessageEvent<CohortResponse>) => {
      const job = pending.get(event.data.requestId);
      if (!job) return;
      pending.delete(event.data.requestId);
      if (event.data.ok) job.resolve(event.data.report);
      else job.reject(new Error(event.data.message));
    };
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(new Error('The aggregation worker stopped. Reload the page and try again.'));
      }
    };
  } catch {
    worker = null;
  }
  return worker;
}

export function aggregateInWorker(sources: readonly CohortSource[], scenarios: readonly CohortScenario[]): Promise<CohortReport> {
  const w = getWorker();
  if (!w) return onMainThread(sources, scenarios);
  return new Promise((resolve, reject) => {
    const requestId = nextId++;
    pending.set(requestId, { resolve, reject });
    const message: CohortRequest = { requestId, sources, scenarios };
    w.postMessage(message);
  });
}
