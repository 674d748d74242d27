import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticDraft } from '../../components/branch-map/synthetic-draft';
import { updateNode, type DraftDoc } from '../../domain/edit/ops';
import type { CallReply, CallRequest } from '../../lib/worker-call';
import type { Problem } from '../../domain/problem';
import type { ChecksInput } from './checks.worker';
import { checkDraft } from './checks';
import { checkInWorker } from './checks-client';

/**
 * The client against the real worker module: Node has no Web Workers, so a stand-in carries the
 * messages both ways through structuredClone (as postMessage does) to the handler the worker
 * module installs on its `self`.
 */
const posted: CallRequest<ChecksInput>[] = [];
const scope: { onmessage?: (e: { data: CallRequest<ChecksInput> }) => void; postMessage: (m: CallReply<readonly Problem[]>) => void } = {
  postMessage: () => undefined,
};
class StandInWorker {
  onmessage: ((e: { data: CallReply<readonly Problem[]> }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    scope.postMessage = (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) }));
  }
  postMessage(m: CallRequest<ChecksInput>) {
    const copy = structuredClone(m);
    posted.push(copy);
    setTimeout(() => scope.onmessage!({ data: copy }));
  }
  terminate() {}
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  vi.stubGlobal('Worker', StandInWorker);
  await import('./checks.worker');
});
afterAll(() => vi.unstubAllGlobals());

describe('the checks worker and its client', () => {
  it('answers every edit as the main-thread checks would, posting the whole draft once and then one node per keystroke', async () => {
    let doc = syntheticDraft(200) as DraftDoc;
    const id = Object.keys(doc.nodes)[3]!;
    expect(await checkInWorker(doc)).toEqual(checkDraft(doc));
    expect(posted[0]!.input).toMatchObject({ fresh: true });
    expect(Object.keys(posted[0]!.input.patch.nodes)).toHaveLength(200);
    for (const text of ['T', 'Ty', 'Typ', '']) {
      doc = updateNode(doc, id, { client: text });
      expect(await checkInWorker(doc)).toEqual(checkDraft(doc));
      expect(posted.at(-1)!.input).toMatchObject({ fresh: false });
      expect(Object.keys(posted.at(-1)!.input.patch.nodes)).toEqual([id]);
    }
    // The empty client line is a problem the checks name, so the answers are not all alike.
    expect((await checkInWorker(doc)).some((p) => p.path.join('.') === `nodes.${id}.client`)).toBe(true);
    // The same doc asked again (the autosave wanting its counts) is not posted again.
    const count = posted.length;
    await checkInWorker(doc);
    expect(posted).toHaveLength(count);
  });

  it('a deleted node and a new title reach the worker’s copy', async () => {
    let doc = syntheticDraft(50) as DraftDoc;
    await checkInWorker(doc);
    const { [Object.keys(doc.nodes)[5]!]: _gone, ...rest } = doc.nodes;
    doc = { ...doc, title: 'Renamed', nodes: rest };
    expect(await checkInWorker(doc)).toEqual(checkDraft(doc));
  });
});
