import type { LayoutInput, LayoutResult } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout.worker';

/**
 * Runs layouts in one shared Web Worker (dagre stays off the main thread); falls back to the
 * main thread (a lazily imported chunk) when workers are unavailable or the worker fails.
 */
let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; input: LayoutInput }>();

function onMainThread(input: LayoutInput): Promise<LayoutResult> {
  return import('./layout').then((m) => m.computeLayout(input));
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof Worker === 'undefined') return (worker = null);
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'branch-map-layout' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const job = pending.get(event.data.requestId);
      if (!job) return;
      pending.delete(event.data.requestId);
      if (event.data.ok) job.resolve(event.data.result);
      else void onMainThread(job.input).then(job.resolve);
    };
    worker.onerror = () => {
      // The worker could not start (e.g. a CSP or an old browser): finish everything here.
      worker?.terminate();
      worker = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        void onMainThread(job.input).then(job.resolve);
      }
    };
  } catch {
    worker = null;
  }
  return worker;
}

export function requestLayout(input: LayoutInput): Promise<LayoutResult> {
  const w = getWorker();
  if (!w) return onMainThread(input);
  return new Promise((resolve) => {
    const requestId = nextId++;
    pending.set(requestId, { resolve, input });
    const message: LayoutRequest = { requestId, input };
    w.postMessage(message);
  });
}
