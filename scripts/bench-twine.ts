/**
 * npm run bench:twine -- --twine /path/to/twinejs/dist/web: panning our studio branch map and
 * Twine 2's story map side by side, on the same 200-node graph.
 *
 *   npm run bench:twine -- --twine DIR [--runs 5] [--size 200] [--no-build] [--profile]
 *                          [--before OLD_DIST] [--port 4313] [--twine-port 4314]
 *
 * --before adds an earlier build of ours (a dist folder) to every round, e.g. to measure a fix.
 * --twine-port equal to --port serves Twine from the same server, under /twine/ (one port only;
 * Twine's build uses relative URLs, and each run has a fresh context, so the shared origin is moot).
 *
 * DIR is a built Twine 2 web app (the folder with its index.html; in a twinejs checkout
 * `npx vite build` writes dist/web). Twine is not part of this project: build it yourself
 * (README, "Dragging the branch map pans it without React Flow's store"). Not part of `npm test`.
 *
 * What is compared, per run, in a fresh Chromium context at 1280×800 (CHROME_PATH or
 * /usr/bin/chromium, service workers blocked):
 *   ours   #/studio/<id> with syntheticDraft(size) stored in IndexedDB, as bench-studio does; the
 *          map opens at zoom 0.6 with the start node at the top centre. A left-button drag on
 *          empty canvas (the React Flow pane) pans it (a CSS transform on the viewport).
 *   Twine  #/stories/<id> with the same graph stored in Twine's localStorage layout
 *          (twine-stories / twine-passages, see twinejs src/store/persistence/local-storage):
 *          one passage per node, named by node id, at our layout's positions, 200×100 (ours
 *          are 220×96), one [[label->target]] link per choice or route, story zoom 0.6, and the
 *          map scrolled so the start passage is at the top centre too. Twine pans with a
 *          right-button drag on empty space (its scroll container sets scrollLeft/scrollTop on
 *          each pointer move; a left drag there is a marquee selection, not a pan).
 * Both get the same pointer path: from an empty point, 60 moves 16 ms apart up and left by
 * PAN_DX × PAN_DY pixels (scripts/bench-pan.ts, shared with bench-studio). Measured in the page
 * while dragging: rAF deltas (longest and median frame), the longest long-animation-frame, each
 * pointer move's event timeStamp to the next painted frame (median and longest), and the time
 * from the first move to the last (the same 60 moves take longer when each costs more).
 * Runs alternate (ours, Twine, ours, Twine, ...) so machine load hits both alike; the table
 * shows medians.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { syntheticDraft } from '../src/components/branch-map/synthetic-draft';
import { buildMapGraph } from '../src/components/branch-map/map-model';
import { computeLayout } from '../src/components/branch-map/layout';
import { addNameShim, arg, buildApp, flag, launchChromium, loadAverage, median, seedDrafts } from './bench-kit';
import { measurePan, PAN_PROBES, panProfiler, type PanFrames } from './bench-pan';

const TWINE_DIR = arg('twine');
const RUNS = Number(arg('runs', '5'));
const SIZE = Number(arg('size', '200'));
const PORT = Number(arg('port', '4313'));
const TWINE_PORT = Number(arg('twine-port', '4314'));
const BUILD = !flag('no-build');
/** An earlier build of ours (a dist folder) to measure in the same rounds, e.g. before a fix. */
const BEFORE_DIR = arg('before');
const PROFILE = flag('profile');
/** The drag: up and left by this many pixels (about 60% of our map canvas at 1280×800). */
const PAN_DX = -400;
const PAN_DY = -300;
const VIEWPORT = { width: 1280, height: 800 };
const ZOOM = 0.6;

function usage(problem: string): never {
  console.error(`bench-twine: ${problem}
Usage: npm run bench:twine -- --twine <Twine 2 web build folder, with index.html> [--runs 5] [--size 200] [--no-build] [--profile] [--before OLD_DIST]
Build Twine 2 first (README, bench:twine): in a twinejs checkout (tag 2.11.1), npm ci --ignore-scripts && npx vite build (writes dist/web).`);
  process.exit(2);
}

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');

/** The same draft as a Twine story: passages at our layout's positions, links as [[label->target]]. */
function twineStory(doc: ReturnType<typeof syntheticDraft>) {
  const graph = buildMapGraph(doc);
  const ids = graph.nodes.map((n) => n.id);
  const layout = computeLayout({
    ids,
    links: graph.edges.map((e) => [e.source, e.target]),
    ...(graph.startId ? { startId: graph.startId } : {}),
  });
  const minX = Math.min(...layout.xs);
  const minY = Math.min(...layout.ys);
  const storyId = 'bench-story';
  const pid = (i: number) => `bench-passage-${i}`;
  const startIndex = ids.indexOf(graph.startId ?? ids[0]!);
  const passages = graph.nodes.map((n, i) => {
    const links = graph.edges.filter((e) => e.source === n.id).map((e) => `[[${e.label.replace(/[[\]|>-]/g, ' ')}->${e.target}]]`);
    return {
      id: pid(i),
      story: storyId,
      name: n.id,
      text: `${n.snippet}\n\n${links.join('\n')}`,
      left: Math.round(layout.xs[i]! - minX + 50),
      top: Math.round(layout.ys[i]! - minY + 50),
      width: 200,
      height: 100,
      highlighted: false,
      selected: false,
      tags: [] as string[],
    };
  });
  const pairs = new Set(graph.edges.map((e) => `${e.source}\u0000${e.target}`));
  const story = {
    id: storyId,
    ifid: 'B3C2A1D0-0000-4000-8000-000000000200',
    lastUpdate: new Date().toISOString(),
    name: `Bench ${ids.length}`,
    script: '',
    selected: false,
    snapToGrid: false,
    startPassage: pid(startIndex),
    storyFormat: 'Harlowe',
    storyFormatVersion: '3.3.9',
    stylesheet: '',
    tags: [] as string[],
    tagColors: {},
    zoom: ZOOM,
  };
  return { story, passages, nodes: ids.length, links: graph.edges.length, arrows: pairs.size };
}

interface Run extends PanFrames {
  moved: boolean;
}
type App = 'before' | 'ours' | 'Twine';

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await addNameShim(context);
  await context.addInitScript(PAN_PROBES);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** The first empty point (by elementFromPoint) in the lower right of `box` from which the drag stays inside it. */
async function emptyStart(page: Page, box: { x: number; y: number; width: number; height: number }, emptySelector: string) {
  return page.evaluate(
    ({ box: { x, y, width, height }, emptySelector, dx, dy }) => {
      for (let fy = 0.9; fy >= 0.4; fy -= 0.05) {
        for (let fx = 0.9; fx >= 0.4; fx -= 0.05) {
          const px = x + width * fx;
          const py = y + height * fy;
          if (px + dx < x + 10 || py + dy < y + 10) continue;
          if (document.elementFromPoint(px, py)?.matches(emptySelector)) return { px, py };
        }
      }
      return undefined;
    },
    { box, emptySelector, dx: PAN_DX, dy: PAN_DY },
  );
}

/** measurePan's hooks: profiling with --profile, none otherwise. */
const profiler = async (browser: Browser, context: BrowserContext, page: Page, label: string) =>
  PROFILE ? panProfiler(browser, context, page, label) : {};

async function runOurs(browser: Browser, base: string, doc: ReturnType<typeof syntheticDraft>, label: string): Promise<Run> {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(base);
    const id = `bench-${SIZE}`;
    const now = Date.now();
    const record = { id, doc, createdAt: now, updatedAt: now, revision: 1, problems: 0, errors: 0, valid: true, title: doc.title };
    await seedDrafts(page, [record]);
    await page.goto('about:blank');
    await page.goto(`${base}#/studio/${id}`);
    await page.waitForFunction(() => performance.getEntriesByName('branch-map:first-paint').length > 0, null, {
      timeout: 90_000,
      polling: 50,
    });
    await page.waitForTimeout(1500); // autosave, problems panel
    const box = (await page.locator('.bm-canvas').first().boundingBox())!;
    const start = await emptyStart(page, box, '.react-flow__pane');
    if (!start) throw new Error(`${label}: no empty canvas to start the pan on`);
    const transform = () => page.evaluate(() => document.querySelector<HTMLElement>('.bm-canvas .react-flow__viewport')?.style.transform);
    const before = await transform();
    const frames = await measurePan(
      page,
      { x: start.px, y: start.py, dx: PAN_DX, dy: PAN_DY },
      await profiler(browser, context, page, label),
    );
    const moved = before !== (await transform());
    if (errors.length) console.warn(`  ${label}: ${errors.join('; ')}`);
    return { ...frames, moved };
  } finally {
    await context.close();
  }
}

async function runTwine(browser: Browser, base: string, data: ReturnType<typeof twineStory>): Promise<Run> {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(base);
    await page.evaluate(({ story, passages }) => {
      localStorage.clear();
      // Prefs (twinejs src/store/persistence/local-storage/prefs): past the welcome screen and the what's-new note.
      const prefs = { welcomeSeen: true, lastUpdateSeen: '2.11.1' };
      localStorage.setItem('twine-prefs', Object.keys(prefs).join(','));
      for (const [name, value] of Object.entries(prefs))
        localStorage.setItem(`twine-prefs-${name}`, JSON.stringify({ id: name, name, value }));
      localStorage.setItem('twine-stories', story.id);
      localStorage.setItem(`twine-stories-${story.id}`, JSON.stringify(story));
      localStorage.setItem('twine-passages', passages.map((p) => p.id).join(','));
      for (const p of passages) localStorage.setItem(`twine-passages-${p.id}`, JSON.stringify(p));
    }, data);
    await page.goto('about:blank');
    await page.goto(`${base}#/stories/${data.story.id}`);
    const n = data.passages.length;
    await page.waitForFunction((count) => document.querySelectorAll('.passage-map .passage-card').length >= count, n, {
      timeout: 90_000,
      polling: 50,
    });
    // Start passage at the top centre, as ours opens.
    await page.evaluate(
      ({ startName, zoom }) => {
        const box = document.querySelector<HTMLElement>('.story-edit-route .main-content')!;
        const cards = [...document.querySelectorAll<HTMLElement>('.passage-map .passage-card')];
        const card = cards.find((c) => c.querySelector('h2')?.textContent === startName) ?? cards[0]!;
        const r = card.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        box.scrollLeft += r.left + r.width / 2 - (b.left + b.width / 2);
        box.scrollTop += r.top - b.top - 24 * zoom;
      },
      { startName: data.passages.find((p) => p.id === data.story.startPassage)!.name, zoom: ZOOM },
    );
    await page.waitForTimeout(1500);
    const container = page.locator('.story-edit-route .main-content').first();
    const box = (await container.boundingBox())!;
    // Empty space: the map itself (or its link layer), not a passage card.
    const start = await emptyStart(page, box, '.passage-map, .link-connectors, .link-connectors *');
    if (!start) throw new Error('Twine: no empty space to start the pan on');
    const scroll = () => container.evaluate((el) => `${el.scrollLeft},${el.scrollTop}`);
    const before = await scroll();
    const frames = await measurePan(
      page,
      { x: start.px, y: start.py, dx: PAN_DX, dy: PAN_DY, button: 'right' },
      await profiler(browser, context, page, 'Twine'),
    );
    const moved = before !== (await scroll());
    if (errors.length) console.warn(`  Twine: ${errors.join('; ')}`);
    return { ...frames, moved };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!TWINE_DIR) usage('--twine is required');
  const twineDir = resolve(TWINE_DIR);
  if (!existsSync(resolve(twineDir, 'index.html'))) usage(`no index.html in ${twineDir}: pass the folder of a built Twine 2 web app`);
  if (!Number.isInteger(RUNS) || RUNS < 1) usage(`--runs must be a whole number ≥ 1 (got ${arg('runs')})`);
  if (!Number.isInteger(SIZE) || SIZE < 2) usage(`--size must be a whole number ≥ 2 (got ${arg('size')})`);

  if (BEFORE_DIR && !existsSync(resolve(BEFORE_DIR, 'index.html'))) usage(`no index.html in ${resolve(BEFORE_DIR)} (--before)`);
  if (BUILD) buildApp();
  // Ours (and --before) from one static server on PORT: the build uses relative URLs and hash
  // routes, so each runs from its own sub-path.
  const site = mkdtempSync(join(tmpdir(), 'bench-twine-'));
  mkdirSync(join(site, 'site'));
  symlinkSync(resolve('dist'), join(site, 'site', 'ours'));
  if (BEFORE_DIR) symlinkSync(resolve(BEFORE_DIR), join(site, 'site', 'before'));
  const onePort = TWINE_PORT === PORT;
  if (onePort) symlinkSync(twineDir, join(site, 'site', 'twine'));
  const twineBase = onePort ? `http://127.0.0.1:${PORT}/twine/` : `http://127.0.0.1:${TWINE_PORT}/`;
  const servers: PreviewServer[] = [];
  const browser = await launchChromium();
  const doc = syntheticDraft(SIZE);
  const data = twineStory(doc);
  const apps: App[] = BEFORE_DIR ? ['before', 'ours', 'Twine'] : ['ours', 'Twine'];
  const runs: Record<App, Run[]> = { before: [], ours: [], Twine: [] };
  const loadBefore = loadAverage();
  try {
    const serve = (dir: string, port: number) =>
      preview({
        configFile: false,
        logLevel: 'warn',
        root: dirname(dir),
        build: { outDir: basename(dir) },
        preview: { port, strictPort: true, host: '127.0.0.1', open: false },
      });
    servers.push(await serve(join(site, 'site'), PORT));
    if (!onePort) servers.push(await serve(twineDir, TWINE_PORT));
    console.log(
      `${data.nodes} nodes; ours draws ${data.links} links, Twine ${data.arrows} arrows (Twine draws one arrow per linked pair). Drag ${-PAN_DX}×${-PAN_DY} px up-left, 60 moves 16 ms apart.`,
    );
    for (let i = 0; i < RUNS; i++) {
      for (const app of apps) {
        const once = () =>
          app === 'Twine' ? runTwine(browser, twineBase, data) : runOurs(browser, `http://127.0.0.1:${PORT}/${app}/`, doc, app);
        let run: Run;
        try {
          run = await once();
        } catch (e) {
          // Twine's map now and then never finishes loading in a fresh context (1 run in 4-8):
          // one more try, so a long session is not lost to it.
          console.warn(`  run ${i + 1} ${app}: ${String(e).split('\n')[0]}; trying once more`);
          run = await once();
        }
        runs[app].push(run);
        console.log(
          `  run ${i + 1} ${app.padEnd(6)}: longest frame ${fmt(run.frame)} ms, median ${fmt(run.median, 1)} ms, LoAF ${fmt(run.loaf)} ms, move→paint median ${fmt(run.moveMedian)} ms, max ${fmt(run.moveMax)} ms, pan ${fmt(run.span)} ms${run.moved ? '' : ' (DID NOT PAN)'}`,
        );
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(site, { recursive: true, force: true });
  }
  const loadAfter = loadAverage();
  const med = (app: App, k: keyof PanFrames, d = 0) => fmt(median(runs[app].map((r) => r[k])), d);
  const head = ['map', 'longest frame', 'median frame', 'LoAF max', 'move→paint median', 'move→paint max', 'pan length'];
  const table = apps.map((app) => [
    app === 'before' ? 'ours, --before' : app,
    med(app, 'frame'),
    med(app, 'median', 1),
    med(app, 'loaf'),
    med(app, 'moveMedian'),
    med(app, 'moveMax'),
    med(app, 'span'),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(`\nPan, ${data.nodes} nodes, Chromium ${VIEWPORT.width}×${VIEWPORT.height}, medians of ${RUNS} alternating runs (ms)\n`);
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.forEach((r) => console.log(line(r)));
  const ratio = (k: keyof PanFrames) => median(runs.ours.map((r) => r[k])) / median(runs.Twine.map((r) => r[k]));
  console.log(
    `\nours / Twine: longest frame ${fmt(ratio('frame'), 2)}×, move→paint median ${fmt(ratio('moveMedian'), 2)}×, max ${fmt(ratio('moveMax'), 2)}×`,
  );
  console.log(`load average (1, 5, 15 min): before ${loadBefore}; after ${loadAfter}`);
  if (apps.some((app) => runs[app].some((r) => !r.moved))) {
    console.error('Some drags did not pan the view: the figures above do not measure a pan.');
    process.exitCode = 1;
  }
}

void main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
