/**
 * npm run bench:records: in cmi5 mode, the time from a trainee's click on a response to the LRS
 * accepting that choice's `answered` statement.
 *
 *   npm run bench:records [-- --runs 5 --port 4173 --no-build]
 *
 * Builds the app (skip with --no-build to reuse dist/), serves dist/ with `vite preview`, starts
 * the real LRS (tools/lrs, xapi-statements in memory) and the LMS stand-in from the e2e tests,
 * and in Chromium plays one scenario per run through a fresh cmi5 launch. Per choice it measures
 * from just before the click (Node's performance.now()) to the moment the LRS's 200 for the POST
 * holding the `answered` statement reached the LMS stand-in (same clock, same process). Prints
 * the median per run and the median and 90th percentile over all choices.
 */
import { spawnSync } from 'node:child_process';
import { LmsStandIn } from '../e2e/records/lms';
import { freePort, startLrs } from '../e2e/records/lrs';
import { arg, flag, launchChromium, median, startPreview } from './bench-kit';

const RUNS = Number(arg('runs', '5'));
const SCENARIO = arg('scenario', 'the-glue');
const BUILD = !flag('no-build');

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
};

async function main() {
  if (BUILD && spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  const port = Number(arg('port', String(await freePort())));
  const preview = await startPreview({ port });
  const base = preview.url;
  const lrs = await startLrs();
  const lms = await LmsStandIn.start(lrs.endpoint);
  const browser = await launchChromium();
  try {
    const all: number[] = [];
    console.log(`cmi5 choice → LRS accepted, scenario ${SCENARIO}, ${RUNS} runs (ms)`);
    for (let run = 0; run < RUNS; run++) {
      const launch = lms.launch({ scenario: SCENARIO });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}?${launch.query}`);
      await page
        .getByRole('main')
        .getByRole('link', { name: /^Start\b/ })
        .click();
      const times: number[] = [];
      const answeredSoFar = () => lms.accepted(launch.key).filter((a) => a.verbs.includes('answered')).length;
      for (let turn = 0; turn < 40; turn++) {
        const choices = page.getByRole('region', { name: 'Your response' }).getByRole('button');
        const cont = page.getByRole('region', { name: 'Feedback', exact: true }).getByRole('button', { name: 'Continue' });
        await choices
          .first()
          .or(cont)
          .or(page.getByRole('heading', { name: 'Your path' }))
          .first()
          .waitFor();
        if (/#\/attempts\//.test(page.url())) break;
        if (await cont.isVisible()) {
          await cont.click();
          continue;
        }
        const before = answeredSoFar();
        const t0 = performance.now();
        await choices.nth(turn % 2).click();
        while (answeredSoFar() === before) await new Promise((r) => setTimeout(r, 1));
        const accepted = lms.accepted(launch.key).filter((a) => a.verbs.includes('answered'))[before]!;
        times.push(accepted.at - t0);
      }
      await context.close();
      all.push(...times);
      console.log(`  run ${run + 1}: ${times.length} choices, median ${median(times).toFixed(1)}`);
    }
    console.log(
      `all ${all.length} choices: median ${median(all).toFixed(1)} ms, p90 ${quantile(all, 0.9).toFixed(1)} ms, min ${Math.min(...all).toFixed(1)}, max ${Math.max(...all).toFixed(1)}`,
    );
  } finally {
    await browser.close();
    await lms.stop();
    await lrs.stop();
    preview.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
