/**
 * Screenshots of the studio editor and how many map boxes it shows, on a bundled scenario.
 *
 *   npx tsx scripts/studio-shots.ts [-- --scenario the-glue --out /tmp/editor-shots --port 4209]
 *
 * Serves dist/ (run `npm run build` first) with `vite preview`, duplicates the scenario into a
 * draft through the studio list page, opens it at 1280x800 and 360x800, and prints per width the
 * map canvas size and the node boxes wholly inside it. Screenshots go to --out.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { arg, launchChromium, startPreview } from './bench-kit';

const SCENARIO = arg('scenario', 'the-glue');
const OUT = arg('out', '/tmp/editor-shots');
const PORT = Number(arg('port', '4209'));

/** Map canvas size and the boxes wholly inside it. */
const visibleBoxes = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.bm-canvas')!.getBoundingClientRect();
    let n = 0;
    for (const el of document.querySelectorAll('.bm-canvas .react-flow__node')) {
      const r = el.getBoundingClientRect();
      if (r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom) n++;
    }
    return {
      width: Math.round(canvas.width),
      height: Math.round(canvas.height),
      visible: n,
      total: document.querySelectorAll('.bm-canvas .react-flow__node').length,
    };
  });

async function main() {
  mkdirSync(OUT, { recursive: true });
  const preview = await startPreview({ port: PORT });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${preview.url}#/studio`);
    await page.getByLabel('Scenario to copy').selectOption(SCENARIO);
    await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
    const link = page.getByRole('list', { name: 'Your drafts' }).getByRole('link').first();
    await link.click();
    await page.waitForFunction(() => performance.getEntriesByName('branch-map:first-paint').length > 0, null, { timeout: 30_000 });
    await page.waitForTimeout(800); // the problems panel's debounce, for the picture only
    console.log(`1280x800: ${JSON.stringify(await visibleBoxes(page))}`);
    await page.screenshot({ path: `${OUT}/editor-1280x800.png` });
    const url = page.url();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('about:blank');
    await page.goto(url);
    await page.locator('#inspector-heading').waitFor();
    await page.screenshot({ path: `${OUT}/editor-360x800-edit.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.locator('.bm-canvas .react-flow__node').first().waitFor();
    await page.waitForTimeout(300);
    console.log(`360x800: ${JSON.stringify(await visibleBoxes(page))}`);
    await page.screenshot({ path: `${OUT}/editor-360x800-map.png` });
    await page.getByRole('tab', { name: 'Problems' }).click();
    await page.screenshot({ path: `${OUT}/editor-360x800-problems.png`, fullPage: true });
  } finally {
    await browser.close();
    preview.stop();
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
