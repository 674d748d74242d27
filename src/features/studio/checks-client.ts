import type { DraftDoc } from '../../domain/edit/ops';
import { docPatch } from '../../domain/edit/patch';
import type { Problem } from '../../domain/problem';
import { checkDraft } from './checks';
import type { ChecksRequest, ChecksResponse } from './checks.worker';

/**
 * The Problems panel's checks in a Web Worker, so typing never waits for them: at 1,000 nodes the
 * checks cost about 40 ms a run, at 2,000 about 90 (bench:studio --profile, validateScenarioData),
 * and on the main thread a run that started between two keys held the second one back.
 *
 * The worker keeps its own copy of the draft; each request posts only a patch on the doc posted
 * before (domain/edit/patch.ts): one node per keystroke instead of a structured clone of the whole
 * draft. Results are kept per doc, so the autosave asking for the counts of a doc the panel has
 * checked (or is checking) costs nothing more. Without workers (or when the worker fails) the
 * checks run here, the way they always did.
 */
export interface ChecksClient {
  /** The problems of `doc` (the same promise for the same doc). */
  check(doc: DraftDoc): Promise<readonly Problem[]>;
  /** Stop the worker (the editor closed). */
  dispose(): void;
}

interface Job {
  readonly doc: DraftDoc;
  readonly resolve: (problems: readonly Problem[]) => void;
}

export function createChecksClient(): ChecksClient {
  const results = new WeakMap<DraftDoc, Promise<readonly Problem[]>>();
  const jobs = new Map<number, Job>();
  let worker: Worker | null | undefined;
  /** The doc the worker's copy equals once it has read every request sent (undefined: it has none). */
  let sent: DraftDoc | undefined;
  let nextId = 1;

  const onMainThread = (job: Job) => job.resolve(checkDraft(job.doc));

  const fallBack = () => {
    worker?.terminate();
    worker = null;
    const waiting = [...jobs.values()];
    jobs.clear();
    waiting.forEach(onMainThread);
  };

  const getWorker = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      if (typeof Worker === 'undefined') return (worker = null);
      worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module', name: 'studio-checks' });
      worker.onmessage = (event: MessageEvent<ChecksResponse>) => {
        const job = jobs.get(event.data.requestId);
        if (!job) return;
        jobs.delete(event.data.requestId);
        if (event.data.ok) return job.resolve(event.data.problems);
        // The worker's copy may be off now: the next request sends the whole doc.
        sent = undefined;
        onMainThread(job);
      };
      // The worker could not start (a CSP, an old browser): finish everything here.
      worker.onerror = fallBack;
    } catch {
      worker = null;
    }
    return worker;
  };

  return {
    check(doc) {
      const known = results.get(doc);
      if (known) return known;
      const result = new Promise<readonly Problem[]>((resolve) => {
        const w = getWorker();
        if (!w) return onMainThread({ doc, resolve });
        const requestId = nextId++;
        jobs.set(requestId, { doc, resolve });
        const message: ChecksRequest = { requestId, patch: docPatch(sent, doc), fresh: sent === undefined };
        sent = doc;
        w.postMessage(message);
      });
      results.set(doc, result);
      return result;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      // Nothing waits forever: what was asked is answered here.
      const waiting = [...jobs.values()];
      jobs.clear();
      waiting.forEach(onMainThread);
    },
  };
}
