/**
 * npm run lighthouse: build, serve `vite preview`, and run Lighthouse 12 (mobile preset) with the
 * local Chromium on the library, a briefing, the player mid-run and a debrief. The player and
 * debrief need stored progress: Playwright first plays part of a run (and a full one) in a Chromium
 * profile directory, then Lighthouse opens the same profile with storage reset disabled.
 *
 * Prints performance / accessibility / best-practices per page; exits 1 when performance < 0.95,
 * accessibility < 1 or best practices < 1.   Options: --no-build, --port 4180.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../playwright.config';
import { arg, startPreview, type Preview } from './bench-kit';

const PORT = Number(arg('port', '4180'));
const BASE = `http://localhost:${PORT}/`;
const THRESHOLDS = { performance: 0.95, accessibility: 1, 'best-practices': 1 } as const;
const OUT = '.lighthouse';

/** Play in a persistent profile: a finished run (for the debrief) and one left mid-run. */
async function seed(profile: string, executablePath: string) {
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${BASE}#/`);
  const links = page.getByRole('list', { name: 'Scenarios' }).getByRole('heading', { level: 2 }).getByRole('link');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  const [first, second] = hrefs.map((h) => h.replace(/^#\//, '').replace(/^\//, ''));
  const playOne = async (path: string, turns: number) => {
    await page.goto(`${BASE}#/${path}/play`);
    for (let i = 0; i < turns && !page.url().includes('#/attempts/'); i++) {
      const choices = page.getByRole('region', { name: 'Your response' }).getByRole('button');
      const cont = page.getByRole('button', { name: 'Continue' });
      await choices.first().or(cont).waitFor();
      if (await cont.isVisible()) await cont.click();
      else await choices.first().click();
      await page.waitForTimeout(100);
    }
  };
  await playOne(first!, 200);
  await page.waitForURL(/#\/attempts\//);
  const debrief = page.url().replace(BASE, '');
  await playOne(second ?? first!, 4);
  const cont = page.getByRole('button', { name: 'Continue' });
  if (await cont.isVisible()) await cont.click();
  await context.close();
  return { briefing: `#/${second ?? first}`, play: `#/${second ?? first}/play`, debrief };
}

let server: Preview | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let failed = false;
const profile = mkdtempSync(join(tmpdir(), 'catalyst-lh-'));
try {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  server = await startPreview({ port: PORT, host: 'localhost' });
  const chromePath = chromiumPath();
  const urls = await seed(profile, chromePath);
  const pages: [string, string][] = [
    ['library', '#/'],
    ['briefing', urls.briefing],
    ['player (mid-run)', urls.play],
    ['debrief', urls.debrief],
  ];

  chrome = await chromeLauncher.launch({
    chromePath,
    userDataDir: profile,
    chromeFlags: ['--headless', '--no-sandbox', ...CHROMIUM_ARGS],
  });
  mkdirSync(OUT, { recursive: true });
  const rows: string[] = [];
  for (const [name, hash] of pages) {
    const result = await lighthouse(`${BASE}${hash}`, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      disableStorageReset: true,
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${name}`);
    const { categories, finalDisplayedUrl } = result.lhr;
    writeFileSync(join(OUT, `${name.replace(/\W+/g, '-')}.html`), result.report as string);
    const score = (k: keyof typeof THRESHOLDS) => categories[k]?.score ?? 0;
    const bad = (Object.keys(THRESHOLDS) as (keyof typeof THRESHOLDS)[]).filter((k) => score(k) < THRESHOLDS[k]);
    if (bad.length) failed = true;
    rows.push(
      `${name.padEnd(18)} ${String(Math.round(score('performance') * 100)).padStart(5)} ${String(Math.round(score('accessibility') * 100)).padStart(6)} ${String(Math.round(score('best-practices') * 100)).padStart(6)}  ${bad.length ? `BELOW: ${bad.join(', ')}` : 'ok'}  ${finalDisplayedUrl}`,
    );
    // What pulled each failing category down.
    for (const k of bad)
      for (const ref of categories[k]?.auditRefs ?? []) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          rows.push(`    - ${k}: ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
  }
  console.log(`\nLighthouse 12, mobile preset (reports in ${OUT}/)\n`);
  console.log(`${'page'.padEnd(18)} ${'perf'.padStart(5)} ${'a11y'.padStart(6)} ${'best'.padStart(6)}`);
  console.log(rows.join('\n'));
  console.log(`\nthresholds: performance >= ${THRESHOLDS.performance * 100}, accessibility and best practices = 100`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await chrome?.kill();
  server?.stop();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
