import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseScenarioSource } from '../src/domain/source';
import { scenarioVersion } from '../src/domain/summary';
import { syntheticStatements } from '../src/engine/cohort/synthetic';
import { axeViolations } from './fixtures';

/**
 * The Cohort page against a generated set of files: a synthetic cohort of the-glue split over two
 * statement files that overlap, a malformed file and a file of statements that are not Catalyst's.
 * Expected figures are counted here straight from the statements, not by the app's aggregation.
 */

const ATTEMPT = 'https://catalyst.example/xapi/extensions/attempt-id';
const STEP = 'https://catalyst.example/xapi/extensions/step';
const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';

const scenario = parseScenarioSource(readFileSync('scenarios/the-glue.yaml', 'utf8'), { expectedId: 'the-glue' }).scenario!;
type Stmt = {
  id: string;
  verb: { id: string };
  object: { id: string };
  result?: { response?: string; extensions?: Record<string, unknown> };
  context: { extensions: Record<string, string> };
};
const statements = syntheticStatements(scenario, { statements: 400, trainees: 8, seed: 7, version: scenarioVersion(scenario) }) as Stmt[];

/** Independent figures for the start moment: every attempt reaches it; its last answer at step 0 counts. */
function startFigures() {
  const attempts = new Set(statements.map((s) => s.context.extensions[ATTEMPT]!));
  const first = new Map<string, string>();
  for (const s of statements) {
    if (s.verb.id === ANSWERED && s.result?.extensions?.[STEP] === 0) first.set(s.context.extensions[ATTEMPT]!, s.result.response!);
  }
  const counts = new Map<string, number>();
  for (const c of first.values()) counts.set(c, (counts.get(c) ?? 0) + 1);
  return { attempts: attempts.size, counts };
}

function writeFiles(dir: string) {
  mkdirSync(dir, { recursive: true });
  const half = Math.floor(statements.length / 2);
  const files = {
    a: join(dir, 'cohort-a.json'),
    // Overlaps the first file by 20 statements: they must count once.
    b: join(dir, 'cohort-b.json'),
    broken: join(dir, 'broken.json'),
    foreign: join(dir, 'foreign.json'),
  };
  writeFileSync(files.a, JSON.stringify(statements.slice(0, half)));
  writeFileSync(files.b, JSON.stringify({ statements: statements.slice(half - 20), more: '' }));
  writeFileSync(files.broken, '[{"id": "x",\n  "verb": oops}]');
  writeFileSync(
    files.foreign,
    JSON.stringify([
      {
        id: 'f1',
        actor: { mbox: 'mailto:a@example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/launched' },
        object: { id: 'https://lms.example.org/au/1' },
      },
    ]),
  );
  return files;
}

async function clean(page: Page, state: string) {
  expect(await axeViolations(page), `${state}: axe violations`).toEqual([]);
}

async function importAll(page: Page, dir: string) {
  const files = writeFiles(dir);
  await page.goto('#/cohort');
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort insight' })).toBeVisible();
  await page.getByTestId('cohort-files').setInputFiles([files.a, files.b, files.broken, files.foreign]);
  await expect(page.getByRole('status').filter({ hasText: /^Read / })).toContainText(`Read ${statements.length + 20 + 1}`);
}

test('import a generated file set: counts on the map, skipped files named, duplicates once', async ({ page }, info) => {
  await page.goto('#/cohort');
  await expect(page.getByRole('heading', { level: 1, name: 'Cohort insight' })).toBeVisible();
  await clean(page, 'empty');
  await importAll(page, info.outputPath('files'));
  const expected = startFigures();
  const status = page.getByRole('status').filter({ hasText: /^Read / });
  await expect(status).toContainText(`${expected.attempts} attempts, 20 duplicates recognised and counted once`);

  const skipped = page
    .getByRole('region', { name: 'Not counted' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: 'Not counted' }) }));
  await expect(skipped).toContainText(/broken\.json: 1 item skipped, not valid JSON.*\(first at line 2, column \d+\)/);
  await expect(skipped).toContainText('foreign.json: 1 item skipped, not a Catalyst statement');

  await expect(page.getByRole('heading', { level: 2, name: scenario.title })).toBeVisible();
  // The map's list view: the start moment's reached count and each response's count.
  const map = page.getByRole('region', { name: `Heat map of ${scenario.title}` });
  await map.getByRole('button', { name: 'List' }).click();
  const start = map.locator('.bm-list-item').filter({ has: page.locator('code', { hasText: new RegExp(`^${scenario.start}$`) }) });
  await expect(start).toContainText(`Reached by ${expected.attempts}`);
  const opening = scenario.nodes[scenario.start]!;
  if (opening.kind !== 'moment') throw new Error('fixture');
  for (const [i, c] of opening.choices.entries()) {
    const count = expected.counts.get(c.id) ?? 0;
    const pct = `${Math.round((count / expected.attempts) * 100)}%`;
    await expect(start.locator('.bm-list-link').nth(i)).toContainText(
      `Chosen in ${count} ${count === 1 ? 'attempt' : 'attempts'}, ${pct} of the ${expected.attempts} that reached this moment`,
    );
  }
  await expect(page.getByRole('heading', { name: 'Top drift points' })).toBeVisible();
});

test('the page with records, with names shown and on a phone, has no axe violations and no sideways scroll', async ({ page }, info) => {
  await importAll(page, info.outputPath('files'));
  await expect(page.getByRole('heading', { name: 'Top drift points' })).toBeVisible();
  await page.locator('.react-flow__node').first().waitFor();
  await clean(page, 'with records');

  // Names only on request.
  const trainees = page.getByRole('region', { name: 'Trainees' });
  await expect(trainees.getByRole('rowheader').first()).toHaveText(/^[0-9a-f]{8}$/);
  await page.getByLabel('Show names (anonymised by a short code otherwise)').check();
  await expect(trainees.getByRole('rowheader').first()).toHaveText(/^Trainee \d+$/);
  await clean(page, 'names shown');

  // On a 360 px phone the wide tables scroll inside their own regions; the page never scrolls sideways.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  await clean(page, 'records at 360 px');
});

test('exports CSV of choices and attempts and the heat map as SVG', async ({ page }, info) => {
  await importAll(page, info.outputPath('files'));
  const expected = startFigures();
  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return readFileSync((await download.path())!, 'utf8');
  };
  const attempts = await save('Export attempts (CSV)');
  expect(attempts.trimEnd().split('\r\n')).toHaveLength(expected.attempts + 1);
  const choices = await save('Export choices (CSV)');
  expect(choices.split('\r\n')[0]).toBe('scenario,trainee,attempt,step,node,choice,stance,flags,meters');
  const svg = await save('Export heat map (SVG)');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain(`Reached by ${expected.attempts}`);
});

test('group debrief mode by keyboard, at projector and phone sizes', async ({ page }, info) => {
  await importAll(page, info.outputPath('files'));
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 360, height: 780 },
  ]) {
    await page.setViewportSize(viewport);
    const open = page.getByRole('button', { name: 'Group debrief mode' });
    await open.focus();
    await page.keyboard.press('Enter');
    const title = page.getByRole('heading', { level: 2, name: /^Moment 1 of \d+:/ });
    await expect(title).toBeFocused();
    await expect(title).toContainText(`${scenario.start}, reached by`);
    await expect(page.getByRole('heading', { name: 'Discussion questions' })).toBeVisible();
    // Opened from far down the figures, the view starts at its top: the moment count and the buttons.
    await expect(page.getByRole('button', { name: 'Next →' })).toBeInViewport();
    if (viewport.width === 1920) {
      // On a projector the whole moment is on screen at once: the guide sits beside the responses.
      await expect(page.getByRole('heading', { name: 'Discussion questions' })).toBeInViewport();
      await expect(page.locator('.gd-response').last()).toBeInViewport();
    }
    await clean(page, `group debrief ${viewport.width}px`);
    // Stances hidden while the group says what it would choose, then shown again.
    const stances = page.locator('.gd-responses .stance-badge');
    await expect(stances.first()).toBeVisible();
    const hide = page.getByRole('button', { name: 'Hide stances' });
    await hide.focus();
    await page.keyboard.press('Enter');
    await expect(hide).toHaveAttribute('aria-pressed', 'true');
    await expect(stances).toHaveCount(0);
    await clean(page, `group debrief ${viewport.width}px, stances hidden`);
    await expect(
      page
        .locator('.gd-responses')
        .getByText(/ of \d+ \(\d+%\)$/)
        .first(),
    ).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(stances.first()).toBeVisible();
    await page.getByRole('heading', { level: 2, name: /^Moment 1 of \d+:/ }).focus();
    // Nothing overflows sideways at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 2, name: /^Moment 2 of \d+:/ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('heading', { level: 2, name: /^Moment 1 of \d+:/ })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Group debrief mode' })).toBeFocused();
  }
});

/** A stand-in LRS on loopback: statements with `more` paging, or a chosen failure. */
async function standInLrs(mode: 'ok' | '401' | '403' | 'no-cors'): Promise<{ server: Server; endpoint: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET') requests.push(req.url ?? '');
    const cors =
      mode === 'no-cors'
        ? {}
        : { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, X-Experience-API-Version, Accept' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (mode === '401' || mode === '403') {
      res.writeHead(Number(mode), cors);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('page') ?? '0');
    const size = 150;
    const slice = statements.slice(page * size, (page + 1) * size);
    const more = (page + 1) * size < statements.length ? `/xAPI/statements?page=${page + 1}` : '';
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    res.end(JSON.stringify({ statements: slice, more }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}/xAPI/`, requests };
}

async function connect(page: Page, endpoint: string) {
  await page.goto('#/cohort');
  await page.getByLabel('Endpoint').fill(endpoint);
  await page.getByLabel('Key').fill('instructor');
  await page.getByLabel('Secret').fill('s3cret');
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: scenario.title });
  await page.getByRole('button', { name: 'Fetch statements' }).click();
}

test('connect to an LRS: pages through `more`, keeps the connection only for the session', async ({ page }) => {
  const lrs = await standInLrs('ok');
  try {
    await connect(page, lrs.endpoint);
    await expect(page.getByText(`Fetched ${statements.length} statements for ${scenario.title}`)).toBeVisible();
    expect(lrs.requests).toHaveLength(Math.ceil(statements.length / 150));
    expect(lrs.requests[0]).toContain('related_activities=true');
    await expect(page.getByRole('status').filter({ hasText: /^Read / })).toContainText(`${startFigures().attempts} attempts`);
    expect(
      await page.evaluate(() => [sessionStorage.getItem('catalyst.cohort.lrs') !== null, localStorage.getItem('catalyst.cohort.lrs')]),
    ).toEqual([true, null]);
    await clean(page, 'fetched from the LRS');
  } finally {
    lrs.server.close();
  }
});

for (const [mode, message] of [
  ['401', 'The LRS refused the key and secret (401 Unauthorized)'],
  ['403', 'may not read statements (403 Forbidden)'],
  ['no-cors', 'does not allow this site'],
] as const) {
  test(`connect to an LRS: ${mode} gets a clear message`, async ({ page }) => {
    const lrs = await standInLrs(mode);
    try {
      await connect(page, lrs.endpoint);
      await expect(page.getByRole('alert')).toContainText(message);
      await clean(page, `LRS ${mode}`);
    } finally {
      lrs.server.close();
    }
  });
}
