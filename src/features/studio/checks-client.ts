import type { DraftDoc } from '../../domain/edit/ops';
import { docPatch } from '../../domain/edit/patch';
import type { Problem } from '../../domain/problem';
import { workerCall } from '../../lib/worker-call';
import { checkDraft } from './checks';
import type { ChecksInput } from './checks.worker';

/**
 * The Problems panel's checks in a Web Worker, so typing never waits for them: at 1,000 nodes the
 * checks cost about 40 ms a run, at 2,000 about 90 (bench:studio --profile, validateScenarioData),
 * and on the main thread a run that started between two keys held the second one back.
 *
 * One worker for the app (lib/worker-call), which keeps its own copy of the last draft it was sent;
 * each call posts only a patch on that doc (domain/edit/patch.ts): one node per keystroke instead
 * of a structured clone of the whole draft. Results are kept per doc, so the autosave asking for
 * the counts of a doc the panel has checked (or is checking) costs nothing more. Without workers,
 * or when the worker fails, the checks run here.
 */

/** The doc the worker's copy equals once it has read every call sent (undefined: none, or unknown). */
let sent: DraftDoc | undefined;
const docs = new WeakMap<ChecksInput, DraftDoc>();
const results = new WeakMap<DraftDoc, Promise<readonly Problem[]>>();

const call = workerCall<ChecksInput, readonly Problem[]>({
  create: () => new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module', name: 'studio-checks' }),
  onMainThread: (input) => {
    // The worker is missing or failed: its copy may be off, so the next call carries the whole doc.
    sent = undefined;
    return Promise.resolve(checkDraft(docs.get(input)!));
  },
  onFailure: 'main-thread',
});

/** The problems of `doc` (the same promise for the same doc). */
export function checkInWorker(doc: DraftDoc): Promise<readonly Problem[]> {
  const known = results.get(doc);
  if (known) return known;
  const input: ChecksInput = { patch: docPatch(sent, doc), fresh: sent === undefined };
  docs.set(input, doc);
  sent = doc;
  const result = call(input);
  results.set(doc, result);
  return result;
}
