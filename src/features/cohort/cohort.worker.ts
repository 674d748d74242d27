/// <reference lib="webworker" />
import { aggregateCohort, newReadResult, readFileText, readJson, type CohortReport, type CohortScenario } from '../../engine/cohort';

/** Files are read and parsed here too: JSON.parse of 100,000 statements is most of the work. */
export type CohortSource =
  { readonly name: string; readonly file: Blob } | { readonly name: string; readonly statements: readonly unknown[] };

export interface CohortRequest {
  readonly requestId: number;
  readonly sources: readonly CohortSource[];
  readonly scenarios: readonly CohortScenario[];
}
export type CohortResponse =
  { requestId: number; ok: true; report: CohortReport; ms: number } | { requestId: number; ok: false; message: string };

self.onmessage = async (event: MessageEvent<CohortRequest>) => {
  const { requestId, sources, scenarios } = event.data;
  let response: CohortResponse;
  try {
    const t0 = performance.now();
    const read = newReadResult();
    for (const s of sources) {
      if ('file' in s) readFileText(read, s.name, await s.file.text());
      else {
        read.files++;
        readJson(read, s.name, s.statements);
      }
    }
    response = { requestId, ok: true, report: aggregateCohort(read, scenarios), ms: performance.now() - t0 };
  } catch (error) {
    response = { requestId, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
