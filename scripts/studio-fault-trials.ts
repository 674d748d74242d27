/**
 * Studio edits under faults, counted: type a title, then at once reload the tab, close it, or
 * crash its renderer, and check whether the edit is there when the draft is opened again.
 *
 *   npm run build && npx vite preview --port 4202 --strictPort &
 *   npx tsx scripts/studio-fault-trials.ts --url http://localhost:4202/ --runs 20
 *
 * - reload: the same tab reloads (pagehide fires; the session stash survives).
 * - crash:  the renderer goes with no pagehide and no unload (simulated: those events are never
 *           delivered, then the tab closes); the tab is reopened as a new page with the crashed
 *           tab's sessionStorage copied over (what Chromium's "Reload" on the sad-tab page keeps).
 * - close:  the tab is closed (pagehide fires) and the draft is opened in a new tab, which has a
 *           new, empty sessionStorage: only what reached IndexedDB counts.
 * Each trial uses a fresh browser context and a new draft.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { withoutLeaveEvents } from '../e2e/crash';
import { arg, launchChromium } from './bench-kit';

const BASE = arg('url', 'http://localhost:4173/');
const RUNS = Number(arg('runs', '20'));
const KINDS = arg('kinds', 'reload,crash,close').split(',') as Kind[];
type Kind = 'reload' | 'crash' | 'close';

async function newDraft(page: Page): Promise<string> {
  await page.goto(`${BASE}#/studio`);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.waitForURL(/#\/studio\/draft-[a-z0-9]+/);
  await page.locator('#field-title').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor();
  return page.url();
}

async function titleIn(page: Page, url: string): Promise<string> {
  await page.goto(url);
  const field = page.locator('#field-title');
  await field.waitFor({ timeout: 15_000 });
  return field.inputValue();
}

async function trial(context: BrowserContext, kind: Kind, n: number): Promise<boolean> {
  const page = await context.newPage();
  if (kind === 'crash') await withoutLeaveEvents(page);
  const url = await newDraft(page);
  const title = `${kind} trial ${n}`;
  await page.locator('#field-title').fill(title);
  if (kind === 'reload') {
    await page.reload();
    return (
      (await page
        .locator('#field-title')
        .inputValue()
        .catch(() => '')) === title || (await titleIn(page, url)) === title
    );
  }
  if (kind === 'crash') {
    const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    // What a renderer crash looks like to the page: no handler runs. Closing the tab with
    // pagehide and visibilitychange never delivered (init script) stands in for it; CDP
    // Page.crash took the whole headless browser context down with it here.
    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    await next.goto(`${BASE}#/`);
    await next.evaluate((entries) => {
      for (const [k, v] of JSON.parse(entries) as [string, string][]) sessionStorage.setItem(k, v);
    }, session);
    return (await titleIn(next, url)) === title;
  }
  await page.close({ runBeforeUnload: true });
  const next = await context.newPage();
  return (await titleIn(next, url)) === title;
}

const browser = await launchChromium();
for (const kind of KINDS) {
  let kept = 0;
  for (let n = 1; n <= RUNS; n++) {
    const context = await browser.newContext();
    try {
      if (await trial(context, kind, n)) kept++;
    } finally {
      await context.close();
    }
  }
  console.log(`${kind}: edit kept in ${kept} of ${RUNS} runs, lost in ${RUNS - kept}`);
}
await browser.close();
