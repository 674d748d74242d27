/**
 * npm run bench:progress: how long the Progress page takes to show a trainee's attempts.
 *
 *   npm run bench:progress -- [--attempts 8000] [--runs 5] [--port 4173] [--dist dist]
 *
 * Serves an already built app (`npm run build` first; --dist points at another build, e.g. an
 * older commit's, to compare) with `vite preview`, and in Chromium (CHROME_PATH or
 * /usr/bin/chromium) stores N synthetic attempts in the app's own localStorage layout (progress
 * version 1, which every build since reads, later ones through their migrations). Then, in a
 * fresh page per run, opens #/progress and measures navigation start -> the first attempt row
 * on screen. Prints every run and the median.
 */
import { arg, launchChromium, median, startPreview } from './bench-kit';

const ATTEMPTS = Number(arg('attempts', '8000'));
const RUNS = Number(arg('runs', '5'));
const PORT = Number(arg('port', '4173'));
const DIST = arg('dist', 'dist');

/** N attempts across ten scenarios, one a day back from 2026-01-01, some abandoned, some with notes. */
function progress(n: number): string {
  const attempts = Array.from({ length: n }, (_, i) => {
    const finished = new Date(Date.UTC(2026, 0, 1) - i * 3_600_000);
    const abandoned = i % 7 === 3;
    return {
      id: `bench-${i}`,
      scenarioId: `scenario-${i % 10}`,
      scenarioVersion: 'v1',
      scenarioTitle: `Scenario ${i % 10}`,
      startedAt: new Date(finished.getTime() - 600_000).toISOString(),
      finishedAt: finished.toISOString(),
      path: ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, 2 + (i % 5)),
      rewinds: i % 3 ? [] : [{ step: 0, choiceId: 'x', at: finished.toISOString() }],
      status: abandoned ? 'abandoned' : 'completed',
      ...(abandoned ? { reason: 'restarted' } : { endingId: 'end', outcome: 'breakthrough' }),
      partneringShare: (i % 11) / 10 > 1 ? 1 : (i % 11) / 10,
      choices: 2 + (i % 5),
      note: i % 4 ? '' : `Note ${i}: I moved to advice too early.`,
    };
  });
  return JSON.stringify({ version: 1, state: { runs: {}, attempts, settings: { feedbackTiming: 'each' } } });
}

const preview = await startPreview({ port: PORT, dist: DIST });
const browser = await launchChromium();
try {
  const data = progress(ATTEMPTS);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${preview.url}#/`);
    await page.evaluate((text) => localStorage.setItem('catalyst.progress', text), data);
    await page.goto('about:blank');
    await page.goto(`${preview.url}#/progress`);
    await page.locator('.attempts-table tbody tr').first().waitFor({ timeout: 120_000 });
    const ms = await page.evaluate(() => performance.now());
    const rows = await page.locator('.attempts-table tbody tr').count();
    times.push(ms);
    console.log(`run ${run + 1}: ${ms.toFixed(0)} ms to the first attempt row (${rows} rows rendered)`);
    await context.close();
  }
  console.log(`${DIST}: ${ATTEMPTS} attempts, median ${median(times).toFixed(0)} ms over ${RUNS} runs`);
} finally {
  await browser.close();
  preview.stop();
}
