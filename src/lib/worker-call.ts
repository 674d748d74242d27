/**
 * One function run in a Web Worker, called like an async function. The page side (`workerCall`)
 * numbers each call and matches the worker's reply to it; the worker side (`serveCall`) runs the
 * function and replies with its value or its error message. Both the branch map's layout and the
 * Cohort page's aggregation use it.
 *
 * Why not Comlink: it hides the same message matching behind a proxy, but a worker that fails to
 * start (a strict CSP, an old browser) leaves its calls pending forever, and these callers need to
 * know: the layout then runs on the main thread, the aggregation says so.
 */

export interface CallRequest<I> {
  readonly id: number;
  readonly input: I;
}
export type CallReply<R> =
  { readonly id: number; readonly ok: true; readonly value: R } | { readonly id: number; readonly ok: false; readonly message: string };

/** Worker side: answer every call with `fn(input)`. */
export function serveCall<I, R>(fn: (input: I) => R | Promise<R>): void {
  const scope = self as unknown as Worker;
  scope.onmessage = async (event: MessageEvent<CallRequest<I>>) => {
    const { id, input } = event.data;
    let reply: CallReply<R>;
    try {
      reply = { id, ok: true, value: await fn(input) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
  };
}

export interface WorkerCallOptions<I, R> {
  /** `new Worker(new URL('./x.worker.ts', import.meta.url), …)`, written at the caller so Vite bundles it. */
  readonly create: () => Worker;
  /** The same work on the main thread: used when workers are unavailable. */
  readonly onMainThread: (input: I) => Promise<R>;
  /**
   * When the worker stops (it could not start, or crashed) or the function threw there:
   * 'main-thread' runs the call again here; otherwise the call is rejected with this message
   * (the worker's own error message, when it threw, is passed in).
   */
  readonly onFailure: 'main-thread' | ((workerMessage?: string) => string);
}

/** Page side: one lazily started worker shared by every call. */
export function workerCall<I, R>(opts: WorkerCallOptions<I, R>): (input: I) => Promise<R> {
  let worker: Worker | null | undefined;
  let nextId = 1;
  const pending = new Map<number, { input: I; resolve: (r: R) => void; reject: (e: Error) => void }>();
  const fail = (job: { input: I; resolve: (r: R) => void; reject: (e: Error) => void }, message?: string) => {
    if (opts.onFailure === 'main-thread') opts.onMainThread(job.input).then(job.resolve, job.reject);
    else job.reject(new Error(opts.onFailure(message)));
  };
  const getWorker = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      if (typeof Worker === 'undefined') return (worker = null);
      worker = opts.create();
      worker.onmessage = (event: MessageEvent<CallReply<R>>) => {
        const job = pending.get(event.data.id);
        if (!job) return;
        pending.delete(event.data.id);
        if (event.data.ok) job.resolve(event.data.value);
        else fail(job, event.data.message);
      };
      worker.onerror = () => {
        worker?.terminate();
        worker = null;
        for (const [id, job] of pending) {
          pending.delete(id);
          fail(job);
        }
      };
    } catch {
      worker = null;
    }
    return worker;
  };
  return (input) => {
    const w = getWorker();
    if (!w) return opts.onMainThread(input);
    return new Promise<R>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { input, resolve, reject });
      const request: CallRequest<I> = { id, input };
      w.postMessage(request);
    });
  };
}
