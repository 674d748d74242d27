import { axeViolations } from '../fixtures';
import { PlayPage } from '../pages/play-page';
import { EXT, expect, playThrough, statementsWhen, test, verbOf } from './records-fixtures';

const SCENARIO = 'the-glue';

test('a cmi5 launch played through sends the full statement sequence to the LRS', async ({ page, lms }) => {
  const launch = lms.launch({ scenario: SCENARIO, masteryScore: 0.5 });
  await page.goto(`./?${launch.query}`);
  // The launch opens the scenario's briefing.
  await expect(page.getByRole('main').getByRole('link', { name: /^Start\b/ })).toBeVisible();
  const stances = await playThrough(page, (turn) => turn % 2);

  const all = await statementsWhen(lms, launch.registration, (s) => s.some((x) => verbOf(x) === 'terminated'));
  const judgement = stances.filter((s) => s === 'partnering').length / stances.length >= 0.5 ? 'passed' : 'failed';
  expect(all.map(verbOf)).toEqual(['initialized', ...stances.map(() => 'answered'), 'completed', judgement, 'terminated']);
  expect(new Set(all.map((s) => s.id)).size).toBe(all.length);

  const answered = all.filter((s) => verbOf(s) === 'answered');
  answered.forEach((s, i) => {
    expect(s.object.id).toMatch(new RegExp(`^${launch.activityId.replace(/[.?/]/g, '\\$&')}/node/[a-z0-9-]+$`));
    expect(s.object.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
    expect(s.result?.extensions?.[`${EXT}stance`]).toBe(stances[i]);
    expect(s.result?.success).toBe(stances[i] === 'partnering');
    expect(s.result?.extensions?.[`${EXT}meters`]).toEqual(expect.any(Object));
  });
  const share = stances.filter((s) => s === 'partnering').length / stances.length;
  const judged = all.find((s) => verbOf(s) === judgement)!;
  expect(judged.result?.score?.scaled).toBeCloseTo(share, 4);
  expect(judged.result?.success).toBe(judgement === 'passed');
  expect(judged.result?.extensions?.[`${EXT}path`]).toEqual(answered.map((s) => s.result?.response));
  // cmi5-defined statements use the AU's id and the LMS's context template.
  for (const s of all.filter((x) => verbOf(x) !== 'answered')) expect(s.object.id).toBe(launch.activityId);
  for (const s of all) {
    expect(s.context?.registration).toBe(launch.registration);
    expect(s.context?.extensions?.[`${EXT}attempt-id`]).toBe(all[0]!.context?.extensions?.[`${EXT}attempt-id`]);
    expect(s.actor).toMatchObject({ account: launch.actor.account });
  }
  expect(lms.counts(launch.key).fetchCalls).toBe(1);
});

test('a cmi5 reload reuses the token, the Progress page says where records go, and leaving returns to the LMS', async ({ page, lms }) => {
  const launch = lms.launch({ scenario: SCENARIO });
  await page.goto(`./?${launch.query}`);
  const play = new PlayPage(page);
  await play.startFromBriefing();
  await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  await statementsWhen(lms, launch.registration, (s) => s.map(verbOf).join() === 'initialized,answered');

  await page.reload();
  await play.waitForTurn();
  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('region', { name: 'Learner records' })).toContainText("To your course's learning record store (cmi5");
  // The fetch URL is single-use: the reload kept the token instead of fetching again.
  expect(lms.counts(launch.key).fetchCalls).toBe(1);

  await page.getByRole('button', { name: 'Return to course' }).click();
  await expect(page.getByRole('heading', { name: 'Back in the course' })).toBeVisible();
  const all = await statementsWhen(lms, launch.registration, (s) => s.some((x) => verbOf(x) === 'terminated'));
  expect(all.map(verbOf)).toEqual(['initialized', 'answered', 'terminated']);
});

test('the LRS down mid-run and back up: the header counts what waits, and every statement arrives exactly once', async ({ page, lms }) => {
  const launch = lms.launch({ scenario: SCENARIO });
  await page.goto(`./?${launch.query}`);
  const play = new PlayPage(page);
  await play.startFromBriefing();
  await play.choose(0);
  await statementsWhen(lms, launch.registration, (s) => s.length === 2);

  lms.setDown(launch.key, true);
  for (let i = 0; i < 2; i++) {
    await play.continueButton.click();
    await play.waitForTurn();
    await play.choose(1);
    await expect(play.feedbackHeading).toBeVisible();
  }
  await expect(page.getByText(/^2 records waiting to send/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  lms.setDown(launch.key, false);
  await expect(page.getByText(/records? waiting to send/)).toBeHidden({ timeout: 30_000 });
  const all = await statementsWhen(lms, launch.registration, (s) => s.length >= 4);
  expect(all.map(verbOf)).toEqual(['initialized', 'answered', 'answered', 'answered']);
  expect(new Set(all.map((s) => s.id)).size).toBe(4);
  expect(all.map((s) => s.result?.extensions?.[`${EXT}step`])).toEqual([undefined, 0, 1, 2]);
});

test('a page closed while a send is in flight: reopened, the queue drains with no duplicates', async ({ page, context, lms }) => {
  const launch = lms.launch({ scenario: SCENARIO });
  await page.goto(`./?${launch.query}`);
  const play = new PlayPage(page);
  await play.startFromBriefing();
  await statementsWhen(lms, launch.registration, (s) => s.length === 0 || s.length === 1);

  // The LRS stores what arrives, but its replies are held: the sends are in flight when the tab closes.
  lms.setHold(launch.key, true);
  await play.choose(0);
  await expect.poll(() => lms.counts(launch.key).held).toBeGreaterThan(0);
  await page.close({ runBeforeUnload: true });
  lms.setHold(launch.key, false);

  // The LMS launches the unit again (a new fetch URL); the stored queue is sent again.
  const again = lms.relaunch(launch.key);
  const reopened = await context.newPage();
  await reopened.goto(`./?${again.query}`);
  await expect
    .poll(
      () =>
        reopened.evaluate(
          () =>
            new Promise<number>((done) => {
              const open = indexedDB.open('catalyst-records');
              open.onsuccess = () => {
                const count = open.result.transaction('outbox').objectStore('outbox').count();
                count.onsuccess = () => done(count.result);
              };
            }),
        ),
      { timeout: 30_000 },
    )
    .toBe(0);
  const all = await lms.statements(launch.registration);
  expect(all.map(verbOf)).toEqual(['initialized', 'answered']);
  expect(new Set(all.map((s) => s.id)).size).toBe(2);
});

test('a used fetch URL in a new tab: the trainee is told results cannot be recorded, and nothing is sent', async ({
  page,
  browser,
  lms,
}) => {
  const launch = lms.launch({ scenario: SCENARIO });
  await page.goto(`./?${launch.query}`);
  await expect(page.getByRole('main').getByRole('link', { name: /^Start\b/ })).toBeVisible();
  await expect.poll(() => lms.counts(launch.key).fetchCalls).toBe(1);

  // A new browser session has no token kept, and the LMS refuses the single-use URL a second time.
  const other = await browser.newContext();
  const tab = await other.newPage();
  await tab.goto(`./?${launch.query}`);
  await expect(tab.getByRole('alert')).toContainText(
    'Your results cannot be recorded: the LMS did not give a sign-in token (This fetch URL was already used.)',
  );
  const play = new PlayPage(tab);
  await play.startFromBriefing();
  await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  expect(await axeViolations(tab)).toEqual([]);
  await other.close();
  expect(lms.counts(launch.key).statementPosts).toBe(0);
});
