/// <reference lib="webworker" />
import type { DraftDoc } from '../../domain/edit/ops';
import { applyPatch, type DocPatch } from '../../domain/edit/patch';
import type { Problem } from '../../domain/problem';
import { checkDraft } from './checks';

/**
 * The Problems panel's checks, off the main thread. The worker keeps its own copy of the draft and
 * each request carries only a patch on the doc of the request before (checks-client.ts), so a
 * keystroke posts one node, not the whole draft.
 */
export interface ChecksRequest {
  readonly requestId: number;
  /** A patch on the doc of the request before, or (fresh) on nothing: the whole doc. */
  readonly patch: DocPatch;
  readonly fresh: boolean;
}
export type ChecksResponse =
  | { readonly requestId: number; readonly ok: true; readonly problems: readonly Problem[] }
  | { readonly requestId: number; readonly ok: false; readonly message: string };

let doc: DraftDoc | undefined;

self.onmessage = (event: MessageEvent<ChecksRequest>) => {
  const { requestId, patch, fresh } = event.data;
  let response: ChecksResponse;
  try {
    const next = applyPatch(fresh ? undefined : doc, patch);
    if (next === undefined) throw new Error('the request carried no draft');
    doc = next as DraftDoc;
    response = { requestId, ok: true, problems: checkDraft(doc) };
  } catch (error) {
    response = { requestId, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
