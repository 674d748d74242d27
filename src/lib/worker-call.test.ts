import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workerCall, type CallReply, type CallRequest } from './worker-call';

/** A stand-in worker: answers each request with `answer`, in reverse order, or fails to start. */
class FakeWorker {
  onmessage: ((e: MessageEvent<CallReply<number>>) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  private queue: CallRequest<number>[] = [];
  constructor(
    private readonly answer: (input: number) => number,
    private readonly throwsOn?: number,
  ) {}
  postMessage(request: CallRequest<number>) {
    this.queue.push(request);
  }
  flush() {
    for (const r of this.queue.reverse()) {
      const reply: CallReply<number> =
        r.input === this.throwsOn
          ? { id: r.id, ok: false, message: `cannot do ${r.input}` }
          : { id: r.id, ok: true, value: this.answer(r.input) };
      this.onmessage?.({ data: reply } as MessageEvent<CallReply<number>>);
    }
    this.queue = [];
  }
  crash() {
    this.onerror?.();
  }
  terminate() {
    this.terminated = true;
  }
}

const setup = (onFailure: 'main-thread' | ((m?: string) => string), throwsOn?: number) => {
  const workers: FakeWorker[] = [];
  const mainThread: number[] = [];
  const call = workerCall<number, number>({
    create: () => {
      const w = new FakeWorker((n) => n * 2, throwsOn);
      workers.push(w);
      return w as unknown as Worker;
    },
    onMainThread: async (n) => {
      mainThread.push(n);
      return n * 2;
    },
    onFailure,
  });
  return { call, workers, mainThread };
};

describe('workerCall', () => {
  // Node has no Worker; the calls only check that one exists, and `create` builds the stand-in.
  beforeEach(() => vi.stubGlobal('Worker', FakeWorker));
  afterEach(() => vi.unstubAllGlobals());

  it('matches each reply to its call, whatever order the replies come in, with one worker for all', async () => {
    const { call, workers, mainThread } = setup('main-thread');
    const a = call(1);
    const b = call(5);
    workers[0]!.flush();
    await expect(Promise.all([a, b])).resolves.toEqual([2, 10]);
    expect(workers).toHaveLength(1);
    expect(mainThread).toEqual([]);
  });

  it('a worker that stops: pending calls run on the main thread, or are rejected with the message', async () => {
    const fallback = setup('main-thread');
    const pending = fallback.call(3);
    fallback.workers[0]!.crash();
    await expect(pending).resolves.toBe(6);
    expect(fallback.mainThread).toEqual([3]);
    expect(fallback.workers[0]!.terminated).toBe(true);

    const strict = setup((m) => m ?? 'The worker stopped.');
    const refused = strict.call(3);
    strict.workers[0]!.crash();
    await expect(refused).rejects.toThrow('The worker stopped.');
  });

  it('without Web Workers, every call runs on the main thread', async () => {
    vi.stubGlobal('Worker', undefined);
    const { call, workers, mainThread } = setup((m) => m ?? 'stopped');
    await expect(call(7)).resolves.toBe(14);
    expect(workers).toHaveLength(0);
    expect(mainThread).toEqual([7]);
  });

  it('the function throwing in the worker: its message reaches the caller, or the main thread takes over', async () => {
    const strict = setup((m) => `Could not add up: ${m}`, 4);
    const refused = strict.call(4);
    strict.workers[0]!.flush();
    await expect(refused).rejects.toThrow('Could not add up: cannot do 4');

    const fallback = setup('main-thread', 4);
    const rerun = fallback.call(4);
    fallback.workers[0]!.flush();
    await expect(rerun).resolves.toBe(8);
    expect(fallback.mainThread).toEqual([4]);
  });
});
