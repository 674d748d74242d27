import { workerCall } from '../../lib/worker-call';
import type { LayoutInput, LayoutResult } from './layout';

/**
 * Runs layouts in one shared Web Worker (dagre stays off the main thread); falls back to the
 * main thread (a lazily imported chunk) when workers are unavailable or the worker fails.
 */
export const requestLayout: (input: LayoutInput) => Promise<LayoutResult> = workerCall({
  create: () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'branch-map-layout' }),
  onMainThread: (input: LayoutInput) => import('./layout').then((m) => m.computeLayout(input)),
  onFailure: 'main-thread',
});
