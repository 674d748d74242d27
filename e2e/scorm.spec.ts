/**
 * SCORM packages in a test LMS (e2e/scorm/host.html): the package is built from the dist/ under
 * test with `npm run package -- --dist dist`, unzipped, and served with the host page on a made-up
 * origin through Playwright's request routing (no second server or port). The host installs
 * scorm-again's Scorm12API / Scorm2004API, opens the SCO's launch href from imsmanifest.xml in an
 * iframe, and keeps what the SCO commits, as an LMS does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { load } from 'js-yaml';

const LMS = 'http://lms.test';
const SCENARIO = 'the-glue';
const ROOT = process.cwd();

type Version = '1.2' | '2004';
const FORMAT: Record<Version, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };
const packages: Partial<Record<Version, Record<string, Uint8Array>>> = {};

interface Choice {
  id: string;
  text: string;
  stance: string;
}
interface Moment {
  kind: 'moment';
  choices: Choice[];
}
/** The scenario as authored, to know which node and choice id a shown response text is. */
const scenario = load(readFileSync(join(ROOT, 'scenarios', `${SCENARIO}.yaml`), 'utf8')) as {
  nodes: Record<string, Moment | { kind: string }>;
};
function choiceByText(text: string): { nodeId: string; choice: Choice } {
  for (const [nodeId, node] of Object.entries(scenario.nodes))
    for (const choice of node.kind === 'moment' ? (node as Moment).choices : []) if (choice.text.trim() === text) return { nodeId, choice };
  throw new Error(`no choice with the text "${text}" in ${SCENARIO}`);
}

/** Build one version's zip from the built dist/ and keep its files (a few seconds, more on a busy machine). */
function buildPackage(version: Version): void {
  const out = mkdtempSync(join(tmpdir(), 'catalyst-scorm-e2e-'));
  try {
    execFileSync('npx', ['tsx', 'scripts/package.ts', '--format', FORMAT[version], '--dist', 'dist', '--out', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    packages[version] = unzipSync(new Uint8Array(readFileSync(join(out, `catalyst-${FORMAT[version]}.zip`))));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  xsd: 'application/xml',
  txt: 'text/plain',
};
const scormLib = () =>
  ['scorm12.min.js', 'scorm2004.min.js'].map((f) => readFileSync(join(ROOT, 'node_modules/scorm-again/dist', f), 'utf8')).join('\n;\n');

/** Serve the host page, scorm-again and the unzipped package on the LMS origin. */
async function openLms(page: Page, version: Version) {
  const files = packages[version]!;
  await page.route(`${LMS}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/host.html')
      return route.fulfill({ contentType: 'text/html', body: readFileSync(join(ROOT, 'e2e/scorm/host.html'), 'utf8') });
    if (path === '/lib/scorm-api.js') return route.fulfill({ contentType: 'text/javascript', body: scormLib() });
    const inPackage = path.startsWith('/package/') ? files[decodeURIComponent(path.slice('/package/'.length))] : undefined;
    if (!inPackage) return route.fulfill({ status: 404, body: 'not in the package' });
    return route.fulfill({ contentType: TYPES[path.split('.').pop()!] ?? 'application/octet-stream', body: Buffer.from(inPackage) });
  });
  await page.goto(`${LMS}/host.html?version=${version}&sco=${SCENARIO}`);
  return page.frameLocator('#sco');
}

/** The data model as the LMS last stored it (after the SCO's last commit). */
const lmsState = (page: Page) => page.evaluate(() => (window as unknown as { lmsState?: { cmi: Record<string, any> } }).lmsState?.cmi); // eslint-disable-line @typescript-eslint/no-explicit-any

interface Played {
  nodeId: string;
  choice: Choice;
}

/**
 * Make up to `count` choices (first offered response each time), continuing after each feedback;
 * true at the debrief. A resumed run may open on the last feedback, waiting for Continue.
 */
async function choose(sco: FrameLocator, count: number, played: Played[]) {
  const responses = sco.getByRole('region', { name: 'Your response' }).getByRole('button');
  const feedback = sco.getByRole('region', { name: 'Feedback', exact: true });
  const debrief = sco.getByRole('heading', { name: 'Your path' });
  for (let i = 0; i < count;) {
    await expect(responses.first().or(feedback).or(debrief)).toBeVisible();
    if (await debrief.isVisible()) return true;
    if (await feedback.isVisible()) {
      await feedback.getByRole('button', { name: 'Continue' }).click();
      await expect(feedback).toBeHidden();
      continue;
    }
    const text = (await responses.first().textContent())!.trim();
    played.push(choiceByText(text));
    await responses.first().click();
    await expect(feedback.or(debrief)).toBeVisible();
    i++;
  }
  return false;
}

async function playToEnd(sco: FrameLocator, played: Played[]) {
  for (let turn = 0; turn < 40; turn++) if (await choose(sco, 1, played)) return;
  throw new Error('the conversation did not end in 40 turns');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const scoreRaw = (version: Version, cmi: Record<string, any> | undefined): string | undefined =>
  version === '1.2' ? cmi?.core?.score?.raw : cmi?.score?.raw;
const shareOf = (played: Played[]) => played.filter((p) => p.choice.stance === 'partnering').length / played.length;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectInteractions(version: Version, cmi: Record<string, any>, played: Played[]) {
  const held = Object.values(cmi.interactions as Record<string, Record<string, string>>);
  expect(held.map((i) => i.id)).toEqual(played.map((p) => p.nodeId));
  expect(held.every((i) => i.type === 'choice')).toBe(true);
  expect(held.map((i) => i[version === '1.2' ? 'student_response' : 'learner_response'])).toEqual(played.map((p) => p.choice.id));
  const wrong = version === '1.2' ? 'wrong' : 'incorrect';
  expect(held.map((i) => i.result)).toEqual(played.map((p) => (p.choice.stance === 'partnering' ? 'correct' : wrong)));
  if (version === '2004') expect(held.map((i) => i.description)).toEqual(played.map((p) => p.choice.text.trim()));
}

for (const version of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${version} package in an LMS`, () => {
    // Each version's package is built by the describe that uses it (in each worker that runs one
    // of its tests), so no hook builds both and none needs more than the default timeout.
    test.beforeAll(() => buildPackage(version));

    test('a trainee plays to the ending: status, score and one interaction per choice reach the LMS', async ({ page }) => {
      const sco = await openLms(page, version);
      await sco
        .getByRole('main')
        .getByRole('link', { name: /^Start\b/ })
        .click();
      const played: Played[] = [];
      await playToEnd(sco, played);

      const share = shareOf(played);
      await expect.poll(async () => scoreRaw(version, await lmsState(page))).toBe(String(Math.round(share * 100)));
      const cmi = (await lmsState(page))!;
      if (version === '1.2') {
        expect(cmi.core.lesson_status).toBe(share >= 0.6 ? 'passed' : 'failed');
      } else {
        expect([cmi.completion_status, cmi.success_status]).toEqual(['completed', share >= 0.6 ? 'passed' : 'failed']);
        expect(Number(cmi.score.scaled)).toBeCloseTo(share, 3);
      }
      expectInteractions(version, cmi, played);
      expect(cmi.suspend_data).toBe('');
    });

    test('leaving mid-run suspends, and the LMS relaunch resumes the conversation from its suspend_data', async ({ page }) => {
      let sco = await openLms(page, version);
      await sco
        .getByRole('main')
        .getByRole('link', { name: /^Start\b/ })
        .click();
      const played: Played[] = [];
      await choose(sco, 2, played);
      await expect
        .poll(async () => JSON.parse((await lmsState(page))?.suspend_data || '{}').run?.path)
        .toEqual(played.map((p) => p.choice.id));
      const suspended = JSON.parse((await lmsState(page))!.suspend_data);
      expect(typeof suspended.run.id).toBe('string');
      expect(Number.isInteger(suspended.run.seed)).toBe(true); // the response order comes back too

      // Another device: nothing in the SCO's own storage, only what the LMS kept. Reloading the host
      // unloads the SCO (pagehide: exit=suspend) and relaunches it with entry=resume.
      await sco.locator('body').evaluate(() => localStorage.clear());
      await page.reload();
      sco = page.frameLocator('#sco');
      const kept = JSON.parse((await page.evaluate((key) => sessionStorage.getItem(key), `lms:${version}:${SCENARIO}`))!).cmi;
      expect(version === '1.2' ? kept.core.exit : kept.exit).toBe('suspend');

      await sco
        .getByRole('main')
        .getByRole('link', { name: /^Resume\b/ })
        .first()
        .click();
      const transcript = sco.getByRole('list', { name: 'Conversation' });
      for (const p of played) await expect(transcript).toContainText(p.choice.text.trim());
      await playToEnd(sco, played);
      await expect.poll(async () => (await lmsState(page))?.suspend_data).toBe('');
      const cmi = (await lmsState(page))!;
      // The relaunched session records the choices made after the resume; the run is the same one.
      expectInteractions(version, cmi, played.slice(2));
      const share = shareOf(played);
      expect(scoreRaw(version, cmi)).toBe(String(Math.round(share * 100)));
      if (version === '2004') expect(Number(cmi.score.scaled)).toBeCloseTo(share, 3);
    });
  });
}
