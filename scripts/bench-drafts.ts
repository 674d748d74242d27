/**
 * npm run bench:drafts: how long the studio's drafts list takes to open with many drafts stored.
 *
 *   npm run bench:drafts -- [--drafts 50,200] [--runs 5] [--port 4312] [--dist dist]
 *
 * Serves an already built app (`npm run build` first; --dist points at another build, e.g. an
 * older commit's, to compare) with `vite preview`, and in Chromium (CHROME_PATH or
 * /usr/bin/chromium) stores N drafts in the app's own IndexedDB layout (database 'catalyst', store
 * 'drafts', draft record version 2, which every build since record versions reads). The drafts are
 * the bundled scenarios (about 45 kB and 20 nodes each, as authored scenarios are), cycled. Then
 * it opens #/studio in a fresh page per run, in the same browser context (so what the first open
 * stored, e.g. summaries, is there for the next), and measures navigation start -> all N draft
 * rows on screen, and the heading -> rows part of it. The first open is reported on its own (a build with a summary store builds the
 * summaries then); the median is over the opens after it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { addNameShim, arg, launchChromium, median, seedDrafts, startPreview } from './bench-kit';

const COUNTS = arg('drafts', '50,200').split(',').map(Number);
const RUNS = Number(arg('runs', '5'));
const PORT = Number(arg('port', '4312'));
const DIST = arg('dist', 'dist');

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => load(readFileSync(`scenarios/${f}`, 'utf8')) as { title: string });

/** N draft records, as the studio stores them. */
function records(n: number) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const doc = { ...scenarios[i % scenarios.length]!, title: `Bench draft ${i + 1}` };
    const at = now - i * 60_000;
    return {
      v: 2,
      id: `draft-b${String(i).padStart(7, '0')}`,
      doc,
      createdAt: at,
      updatedAt: at,
      revision: 1,
      problems: 0,
      errors: 0,
      valid: true,
      title: doc.title,
    };
  });
}

/**
 * Records when the page first shows its heading and when it first shows `want` draft rows (a
 * MutationObserver, no polling delay). Heading -> rows is the list's own cost (reading and
 * rendering the drafts) without the app's start-up.
 */
const ROWS_PROBE = (want: number) => {
  const w = window as unknown as { __rowsAt?: number; __headingAt?: number };
  new MutationObserver((_, observer) => {
    if (w.__headingAt === undefined && document.querySelector('main h1')?.textContent === 'Studio') w.__headingAt = performance.now();
    if (document.querySelectorAll('.draft-item').length >= want) {
      w.__rowsAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

const preview = await startPreview({ port: PORT, dist: DIST });
const BASE = preview.url;
const browser = await launchChromium();
try {
  for (const n of COUNTS) {
    const context = await browser.newContext();
    await addNameShim(context);
    await context.addInitScript(ROWS_PROBE, n);
    const setup = await context.newPage();
    await setup.goto(`${BASE}#/progress`);
    await seedDrafts(setup, records(n));
    await setup.close();
    const times: number[] = [];
    const own: number[] = [];
    let first = '';
    for (let run = 0; run <= RUNS; run++) {
      const page = await context.newPage();
      await page.goto(`${BASE}#/studio`);
      await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined, null, { timeout: 120_000 });
      const { rows, heading } = await page.evaluate(() => {
        const w = window as unknown as { __rowsAt: number; __headingAt: number };
        return { rows: w.__rowsAt, heading: w.__headingAt };
      });
      const line = `${rows.toFixed(0)} ms to all ${n} rows, ${(rows - heading).toFixed(0)} ms of it from the heading`;
      if (run === 0) first = line;
      else {
        times.push(rows);
        own.push(rows - heading);
      }
      console.log(`${n} drafts, ${run === 0 ? 'first open' : `run ${run}`}: ${line}`);
      await page.close();
    }
    console.log(
      `${DIST}: ${n} drafts, first open ${first}; then median ${median(times).toFixed(0)} ms to all rows, ${median(own).toFixed(0)} ms from the heading, over ${RUNS} runs`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  preview.stop();
}
