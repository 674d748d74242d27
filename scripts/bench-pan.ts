/**
 * The pan measurement shared by scripts/bench-studio.ts and scripts/bench-twine.ts, so both
 * time a drag the same way: a rAF frame sampler and long-animation-frame entries in the page,
 * and a mouse drag of `steps` moves `gapMs` apart along a straight line.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';

/** Init script: long-animation-frame entries into window.__loaf (add with context.addInitScript). */
export const PAN_PROBES = () => {
  const w = window as unknown as { __loaf: { start: number; duration: number }[]; __frames: number[]; __sampling: boolean };
  w.__loaf = [];
  w.__frames = [];
  w.__sampling = false;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__loaf.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* not supported */
  }
};

export interface PanDrag {
  /** Where the drag starts (page pixels): empty canvas. */
  x: number;
  y: number;
  /** How far the pointer travels (pixels). */
  dx: number;
  dy: number;
  /** Mouse button that pans: ours pans with the left button, Twine with the right one. */
  button?: 'left' | 'right';
  steps?: number;
  gapMs?: number;
}

export interface PanFrames {
  /** Longest rAF delta while dragging (ms). */
  frame: number;
  /** Median rAF delta (ms). */
  median: number;
  /** Longest long-animation-frame entry that started during the drag (ms; 0 if none). */
  loaf: number;
  /** Frames sampled. */
  count: number;
  /** Pointer move -> the next frame painted (the event's timeStamp to a task after that frame): median and longest (ms). */
  moveMedian: number;
  moveMax: number;
  /** First move to last move handled (ms): the pan's length in time. */
  span: number;
}

/**
 * Drags from (x, y) by (dx, dy) and returns the frame timing while dragging. `during` runs
 * between mouse down and the first move and `after` right after mouse up (profilers).
 */
export async function measurePan(
  page: Page,
  drag: PanDrag,
  hooks: { during?: () => Promise<void>; after?: () => Promise<void> } = {},
): Promise<PanFrames> {
  const { x, y, dx, dy, button = 'left', steps = 60, gapMs = 16 } = drag;
  const dragStart = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean; __moves: number[]; __moveTimes: number[] };
    w.__frames = [];
    w.__moves = [];
    w.__moveTimes = [];
    w.__sampling = true;
    // Each move with a button held, timed from the event's own timeStamp (so waiting for a busy
    // main thread counts) to a task after the next frame, i.e. after that frame was painted.
    const onMove = (e: PointerEvent) => {
      if (!w.__sampling || e.buttons === 0) return;
      const t0 = e.timeStamp;
      w.__moveTimes.push(t0);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.__moves.push(performance.now() - t0);
        ch.port2.postMessage(null);
      });
    };
    window.addEventListener('pointermove', onMove, { capture: true });
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
    return performance.now();
  });
  await page.mouse.move(x, y);
  await hooks.during?.();
  await page.mouse.down({ button });
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + (i / steps) * dx, y + (i / steps) * dy);
    await page.waitForTimeout(gapMs);
  }
  await page.mouse.up({ button });
  await hooks.after?.();
  await page.waitForTimeout(100);
  return page.evaluate((t) => {
    const w = window as unknown as {
      __frames: number[];
      __sampling: boolean;
      __loaf: { start: number; duration: number }[];
      __moves: number[];
      __moveTimes: number[];
    };
    w.__sampling = false;
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    return {
      frame: Math.max(0, ...w.__frames),
      median: mid(w.__frames),
      loaf: Math.max(0, ...w.__loaf.filter((e) => e.start >= t).map((e) => e.duration)),
      count: w.__frames.length,
      moveMedian: mid(w.__moves),
      moveMax: Math.max(0, ...w.__moves),
      span: (w.__moveTimes.at(-1) ?? NaN) - (w.__moveTimes[0] ?? NaN),
    };
  }, dragStart);
}

/** Chromium trace -> total duration and count of the renderer main thread's top-level events. */
export function traceTotals(buffer: Buffer, n = 12) {
  const events = (
    JSON.parse(buffer.toString('utf8')) as {
      traceEvents: { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } }[];
    }
  ).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    if (
      ![
        'FunctionCall',
        'EventDispatch',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'Layerize',
        'Commit',
        'HitTest',
        'TimerFire',
        'FireAnimationFrame',
        'UpdateLayer',
        'RasterTask',
        'IntersectionObserverController::computeIntersections',
        'ParseAuthorStyleSheet',
        'ScheduleStyleRecalculation',
      ].includes(e.name)
    )
      continue;
    const t = totals.get(e.name) ?? { ms: 0, n: 0 };
    t.ms += e.dur / 1000;
    t.n++;
    totals.set(e.name, t);
  }
  const longest = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 30_000)
    .map((e) => (e.dur! / 1000).toFixed(0));
  console.log(`    tasks over 30 ms: ${longest.join(', ') || 'none'}`);
  if (process.env.BENCH_TRACE_DETAIL) {
    const on = (e: { pid: number; tid: number }) => main && e.pid === main.pid && e.tid === main.tid;
    const big = events.filter((e) => on(e) && e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 30_000) as unknown as {
      ts: number;
      dur: number;
    }[];
    for (const t of big) {
      const inner = (
        events as unknown as { ts: number; dur?: number; name: string; ph: string; pid: number; tid: number; args?: unknown }[]
      ).filter((e) => on(e) && e.ph === 'X' && e.ts >= t.ts && e.ts <= t.ts + t.dur && (e.dur ?? 0) > 2000 && e.name !== 'RunTask');
      for (const e of inner) console.log(`      ${(e.dur! / 1000).toFixed(1)} ${e.name} ${JSON.stringify(e.args).slice(0, 160)}`);
    }
  }
  return [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, n);
}

/** CDP CPU profile -> the functions with the most self time (ms), for --profile. */
export function topSelfTime(
  profile: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
    samples?: number[] | undefined;
    timeDeltas?: number[] | undefined;
  },
  n = 15,
) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/**
 * measurePan hooks for --profile: a CPU profile (100 µs samples) and a timeline trace while
 * dragging, printed after mouse up as the functions with the most self time and the main-thread
 * work by trace event, each headed by `label`.
 */
export async function panProfiler(browser: Browser, context: BrowserContext, page: Page, label: string) {
  const cdp = await context.newCDPSession(page);
  return {
    during: async () => {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    after: async () => {
      const { profile } = await cdp.send('Profiler.stop');
      console.log(`  ${label}, self time while dragging (ms):`);
      for (const [k, ms] of topSelfTime(profile)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${k}`);
      console.log(`  ${label}, main-thread work while dragging by trace event (total ms, count):`);
      for (const [k, v] of traceTotals(await browser.stopTracing()))
        console.log(`    ${v.ms.toFixed(1).padStart(7)} ${String(v.n).padStart(5)}  ${k}`);
    },
  };
}
