import { readFileSync } from 'node:fs';
import { axeViolations } from '../fixtures';
import { EXT, expect, playThrough, statementsWhen, test, verbOf } from './records-fixtures';
import type { Statement } from './lms';

// A scenario no other records spec plays: the Cohort page fetches by the scenario's own activity,
// whichever course launched it, so in this worker's LRS it finds these trainees and no one else's.
const SCENARIO = 'steady-not-scale';
const TRAINEES = 3;
const start = /\nstart: ([a-z0-9-]+)\n/.exec(readFileSync(`scenarios/${SCENARIO}.yaml`, 'utf8'))![1]!;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test('seeded by cmi5 launches, the real LRS gives the Cohort page the counts on the map', async ({ browser, lms, lrs }) => {
  // Seed: several trainees, each in their own browser, launched by the LMS stand-in.
  const registrations: string[] = [];
  const course = `cohort-${Date.now().toString(36)}`;
  for (let i = 0; i < TRAINEES; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const launch = lms.launch({ scenario: SCENARIO, course });
    registrations.push(launch.registration);
    await page.goto(`./?${launch.query}`);
    await playThrough(page, (turn, count) => (i + turn) % count);
    await statementsWhen(lms, launch.registration, (s) => s.some((x) => verbOf(x) === 'terminated'));
    await context.close();
  }

  // What the LRS holds, counted here: the first answer of each attempt is at the start moment.
  const held: Statement[] = [];
  for (const r of registrations) held.push(...(await lms.statements(r)));
  const firsts = held.filter((s) => verbOf(s) === 'answered' && s.result?.extensions?.[`${EXT}step`] === 0);
  expect(firsts).toHaveLength(TRAINEES);
  const counts = new Map<string, number>();
  for (const s of firsts) counts.set(s.result!.response!, (counts.get(s.result!.response!) ?? 0) + 1);

  // An instructor opens the Cohort page (standalone), gives the LRS's address and credentials and
  // picks the scenario: nothing else to find or type, as a new user would.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('./#/cohort');
  await page.getByLabel('Endpoint').fill(lrs.endpoint);
  await page.getByLabel('Key').fill('catalyst-tests');
  await page.getByLabel('Secret').fill('secret');
  await page.getByLabel('Scenario', { exact: true }).selectOption(SCENARIO);
  await expect(page.getByLabel('Activity ids')).toHaveValue(`urn:catalyst:scenario:${SCENARIO}`);
  await page.getByRole('button', { name: 'Fetch statements' }).click();
  await expect(page.getByText(new RegExp(`^Fetched ${held.length} statements`))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Read / })).toContainText(`${TRAINEES} attempts`);

  const map = page.getByRole('region', { name: /^Heat map of / });
  await map.getByRole('button', { name: 'List' }).click();
  const opening = map.locator('.bm-list-item').filter({ has: page.locator('code', { hasText: new RegExp(`^${start}$`) }) });
  await expect(opening).toContainText(`Reached by ${TRAINEES}`);
  for (const [choiceId, n] of counts) {
    const text = (
      firsts.find((s) => s.result!.response === choiceId)!.object as {
        definition?: { choices?: { id: string; description: Record<string, string> }[] };
      }
    ).definition!.choices!.find((c) => c.id === choiceId)!.description['en-US']!;
    await expect(opening.locator('.bm-list-link', { hasText: text.slice(0, 40) })).toContainText(
      `Chosen in ${n} ${n === 1 ? 'attempt' : 'attempts'}, ${Math.round((n / TRAINEES) * 100)}% of the ${TRAINEES}`,
    );
  }
  await expect(page.getByRole('region', { name: 'Trainees' }).getByRole('row')).toHaveCount(TRAINEES + 1);
  expect(await axeViolations(page), 'cohort from the LRS').toEqual([]);
  await context.close();
});
