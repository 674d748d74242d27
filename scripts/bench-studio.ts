/**
 * npm run bench:studio: how the studio's branch map performs in the real editor page.
 *
 *   npm run bench:studio [-- --sizes 200,1000,2000 --runs 5 --no-build --port 4311 --profile]
 *
 * Builds the app (skip with --no-build to reuse dist/), serves it with `vite preview` on a free
 * port (or --port N), and in Chromium (CHROME_PATH or /usr/bin/chromium) stores synthetic drafts of each size
 * in the app's own IndexedDB layout (database 'catalyst', store 'drafts'), then opens
 * #/studio/<id> in a fresh page per run and measures, per run:
 *   first paint  navigation start -> mark 'branch-map:first-paint' (first frame with node boxes)
 *   layout       mark 'branch-map:layout-start' -> 'branch-map:layout-done' (Web Worker round trip)
 *   select       real mouse click on a visible node -> the next frame painted (rAF + post-paint task)
 *   drag         mouse drag on empty canvas (the pane, never the minimap) for ~1 s: the longest and
 *                the median frame (rAF delta), and the longest 'long-animation-frame' entry
 *   typing       20 keys typed into the start moment's client line, 200 ms apart: keydown (the
 *                event's timeStamp) -> the next frame painted; median and worst per run
 * and prints medians. Targets (1,000 nodes): map visible within 1.5 s; no frame over 50 ms
 * while selecting or panning; keydown→paint under 50 ms (1,000 and 2,000 nodes).
 * --dist DIR serves another build (a paired before/after run under the same load).
 * --profile prints the functions with the most self time while dragging and typing; with
 * BENCH_PROFILE_OUT=/tmp/x it also writes the typing CPU profile to /tmp/x-typing-<size>.cpuprofile
 * (open it in Chrome's DevTools, Performance panel), e.g. after `npx vite build --minify false`.
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { freePort } from '../e2e/records/lrs';
import { syntheticDraft } from '../src/components/branch-map/synthetic-draft';
import { addNameShim, arg, buildApp, flag, launchChromium, median, seedDrafts, startPreview } from './bench-kit';
import { measurePan, PAN_PROBES, panProfiler, topSelfTime } from './bench-pan';

const SIZES = arg('sizes', '200,1000,2000').split(',').map(Number);
const RUNS = Number(arg('runs', '5'));
const BUILD = !flag('no-build');
const PORT = Number(arg('port', '0'));
/** Serve another build (e.g. the main branch's, for a paired before/after run under the same load). */
const DIST = arg('dist', '');
const TARGET_PAINT_MS = 1500;
const TARGET_FRAME_MS = 50;

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

interface Run {
  paint: number;
  layout: number;
  select: number;
  selectLoaf: number;
  dragFrame: number;
  dragMedian: number;
  dragLoaf: number;
  typeMedian: number;
  typeMax: number;
  engine?: string;
}
/** Keystrokes typed per run, and the pause between them (a steady typist: the problems panel's 150 ms debounce fires between keys). */
const KEYS = 20;
const KEY_GAP_MS = 200;
const PROFILE = flag('profile');

async function measure(browser: Browser, base: string, size: number, doc: ReturnType<typeof syntheticDraft>): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await addNameShim(context);
  await context.addInitScript(PAN_PROBES);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  const id = `bench-${size}`;
  const now = Date.now();
  await seedDrafts(page, [{ id, doc, createdAt: now, updatedAt: now, revision: 1, problems: 0, errors: 0, valid: true, title: doc.title }]);
  await page.goto('about:blank');
  await page.goto(`${base}#/studio/${id}`);
  await page.waitForFunction(() => performance.getEntriesByName('branch-map:first-paint').length > 0, null, {
    timeout: 90_000,
    polling: 50,
  });
  const marks = await page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(n).map((e) => e.startTime);
    const done = at('branch-map:layout-done')[0] ?? NaN;
    const start =
      at('branch-map:layout-start')
        .filter((t) => t <= done)
        .pop() ?? NaN;
    return { paint: at('branch-map:first-paint')[0] ?? NaN, layout: done - start };
  });
  // Let the page settle (autosave, problems panel) before interacting.
  await page.waitForTimeout(1500);
  const canvas = page.locator('.bm-canvas').first();
  const box = (await canvas.boundingBox())!;

  // Select: click the visible node nearest the canvas centre that is not selected yet.
  const target = await page.evaluate(({ x, y, width, height }) => {
    const cx = x + width / 2;
    const cy = y + height / 2;
    let best: { id: string; px: number; py: number; d: number } | undefined;
    for (const el of document.querySelectorAll<HTMLElement>('.bm-canvas .react-flow__node')) {
      if (el.querySelector('.is-selected')) continue;
      const r = el.getBoundingClientRect();
      const px = r.left + r.width / 2;
      const py = r.top + Math.min(20, r.height / 2);
      if (px < x + 60 || px > x + width - 60 || py < y + 10 || py > y + height - 10) continue;
      const d = Math.hypot(px - cx, py - cy);
      if (!best || d < best.d) best = { id: el.dataset.id ?? '', px, py, d };
    }
    (window as unknown as { __selectDone: Promise<number> }).__selectDone = new Promise((resolve) => {
      document.addEventListener(
        'click',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now() - t0);
            ch.port2.postMessage(null);
          });
        },
        { capture: true, once: true },
      );
    });
    return best;
  }, box);
  let select = NaN;
  let selectLoaf = NaN;
  if (target) {
    const before = await page.evaluate(() => performance.now());
    await page.mouse.click(target.px, target.py);
    select = await page.evaluate(() => (window as unknown as { __selectDone: Promise<number> }).__selectDone);
    await page.waitForTimeout(300);
    const selected = await page.evaluate(
      (id) => !!document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"] .is-selected`),
      target.id,
    );
    if (!selected) errors.push(`clicking node ${target.id} did not select it`);
    selectLoaf = await page.evaluate(
      (t) =>
        Math.max(
          0,
          ...(window as unknown as { __loaf: { start: number; duration: number }[] }).__loaf
            .filter((e) => e.start >= t)
            .map((e) => e.duration),
        ),
      before,
    );
  }

  // Drag the view for ~1 s, sampling frame deltas.
  const startTransform = await page.evaluate(
    () => document.querySelector<HTMLElement>('.bm-canvas .react-flow__viewport')?.style.transform,
  );
  // Start on empty canvas (the pane itself, not a box, an edge label, the minimap or a control),
  // so the drag pans the view. The drag goes up and left by 60% of the canvas.
  const start = await page.evaluate(({ x, y, width, height }) => {
    for (let fy = 0.85; fy >= 0.5; fy -= 0.05) {
      for (let fx = 0.5; fx <= 0.95; fx += 0.05) {
        const px = x + width * fx,
          py = y + height * fy;
        if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { px, py };
      }
    }
    return undefined;
  }, box);
  if (!start) throw new Error('no empty canvas to start the pan on');
  const drag = await measurePan(
    page,
    { x: start.px, y: start.py, dx: -box.width * 0.6, dy: -box.height * 0.6 },
    PROFILE ? await panProfiler(browser, context, page, `${size} nodes`) : {},
  );
  const endTransform = await page.evaluate(() => document.querySelector<HTMLElement>('.bm-canvas .react-flow__viewport')?.style.transform);
  if (startTransform === endTransform) errors.push('the drag did not move the view');

  // Typing: keydown -> the next frame painted, for each key typed into the start moment's client
  // line. Timed from the event's own timeStamp, so time spent waiting for a busy main thread counts.
  const startId = doc.start;
  await page.goto('about:blank');
  await page.goto(`${base}#/studio/${id}?node=${encodeURIComponent(startId)}`);
  const field = page.locator(`[id="field-nodes.${startId}.client"]`);
  await field.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await field.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => w.__keys.push(performance.now() - t0);
          ch.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  });
  const before = await field.inputValue();
  const typingCdp = PROFILE ? await context.newCDPSession(page) : undefined;
  if (typingCdp) {
    await typingCdp.send('Profiler.enable');
    await typingCdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await typingCdp.send('Profiler.start');
  }
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Space' : 'a');
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await page.waitForTimeout(500);
  const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  if (typingCdp) {
    const { profile } = await typingCdp.send('Profiler.stop');
    if (process.env.BENCH_PROFILE_OUT) writeFileSync(`${process.env.BENCH_PROFILE_OUT}-typing-${size}.cpuprofile`, JSON.stringify(profile));
    console.log(`  ${size} nodes, self time while typing (ms):`);
    for (const [k, ms] of topSelfTime(profile, 25)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${k}`);
  }
  if ((await field.inputValue()).length !== before.length + KEYS) errors.push('typing did not reach the client line');
  await context.close();
  if (errors.length) console.warn(`  ${size} nodes: ${errors.join('; ')}`);
  return {
    paint: marks.paint,
    layout: marks.layout,
    select,
    selectLoaf,
    dragFrame: drag.frame,
    dragMedian: drag.median,
    dragLoaf: drag.loaf,
    typeMedian: median(keys),
    typeMax: Math.max(...keys),
  };
}

async function main() {
  if (BUILD) buildApp();
  const preview = await startPreview({ port: PORT || (await freePort()), ...(DIST ? { dist: DIST } : {}) });
  const base = preview.url;
  const browser = await launchChromium();
  const rows: { size: number; runs: Run[] }[] = [];
  try {
    for (const size of SIZES) {
      const doc = syntheticDraft(size);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await measure(browser, base, size, doc);
        runs.push(run);
        console.log(
          `  ${size} nodes, run ${i + 1}: paint ${fmt(run.paint)} ms, layout ${fmt(run.layout)} ms, select ${fmt(run.select)} ms, drag longest frame ${fmt(run.dragFrame)} ms, median frame ${run.dragMedian.toFixed(1)} ms, keydown→paint median ${fmt(run.typeMedian)} ms, max ${fmt(run.typeMax)} ms`,
        );
      }
      rows.push({ size, runs });
    }
  } finally {
    await browser.close();
    preview.stop();
  }

  const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => Number(r[k])));
  console.log(`\nBranch map in the studio editor (#/studio/:id), Chromium 1280×800, medians of ${RUNS} runs (ms)\n`);
  const head = [
    'nodes',
    'first paint',
    'layout',
    'select→paint',
    'select LoAF',
    'drag longest frame',
    'drag median frame',
    'drag LoAF',
    'key→paint',
    'key→paint max',
  ];
  const table = rows.map(({ size, runs }) => [
    size.toLocaleString('en'),
    fmt(med(runs, 'paint')),
    fmt(med(runs, 'layout')),
    fmt(med(runs, 'select')),
    fmt(med(runs, 'selectLoaf')),
    fmt(med(runs, 'dragFrame')),
    med(runs, 'dragMedian').toFixed(1),
    fmt(med(runs, 'dragLoaf')),
    fmt(med(runs, 'typeMedian')),
    fmt(med(runs, 'typeMax')),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.forEach((r) => console.log(line(r)));

  const k = rows.find((r) => r.size === 1000);
  if (k) {
    const paint = med(k.runs, 'paint');
    const select = med(k.runs, 'select');
    const drag = med(k.runs, 'dragFrame');
    const ok = (v: number, t: number) => (v <= t ? 'PASS' : 'FAIL');
    console.log(
      `\n1,000 nodes: map visible ${fmt(paint)} ms (target ≤ ${TARGET_PAINT_MS}) ${ok(paint, TARGET_PAINT_MS)}; ` +
        `select ${fmt(select)} ms to next paint (target ≤ ${TARGET_FRAME_MS}) ${ok(select, TARGET_FRAME_MS)}; ` +
        `drag longest frame ${fmt(drag)} ms (target ≤ ${TARGET_FRAME_MS}) ${ok(drag, TARGET_FRAME_MS)}`,
    );
    if (paint > TARGET_PAINT_MS || select > TARGET_FRAME_MS || drag > TARGET_FRAME_MS) process.exitCode = 1;
  }
}

void main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
