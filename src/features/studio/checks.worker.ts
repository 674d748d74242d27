/// <reference lib="webworker" />
import type { DraftDoc } from '../../domain/edit/ops';
import { applyPatch, type DocPatch } from '../../domain/edit/patch';
import type { Problem } from '../../domain/problem';
import { serveCall } from '../../lib/worker-call';
import { checkDraft } from './checks';

/**
 * The Problems panel's checks, off the main thread. The worker keeps its own copy of the draft and
 * each call carries only a patch on the doc of the call before (checks-client.ts), so a keystroke
 * posts one node, not the whole draft.
 */
export interface ChecksInput {
  /** A patch on the doc of the call before, or (fresh) on nothing: the whole doc. */
  readonly patch: DocPatch;
  readonly fresh: boolean;
}

let doc: DraftDoc | undefined;

serveCall((input: ChecksInput): readonly Problem[] => {
  try {
    if (!input.fresh && doc === undefined) throw new Error('the checks worker has no copy of the draft to patch');
    const next = applyPatch(input.fresh ? undefined : doc, input.patch);
    if (next === undefined) throw new Error('the call carried no draft');
    doc = next as DraftDoc;
  } catch (error) {
    // The copy is unknown now: every call fails (and is checked on the main thread) until a fresh one.
    doc = undefined;
    throw error;
  }
  return checkDraft(doc);
});
