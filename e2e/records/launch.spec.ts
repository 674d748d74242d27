import { axeViolations } from '../fixtures';
import { PlayPage } from '../pages/play-page';
import { LRS_AUTH } from './lrs';
import { EXT, expect, statementsWhen, test, verbOf } from './records-fixtures';

test('bad launch parameters: each is named in plain words, nothing is sent, and standalone play is offered', async ({
  page,
  foreignRequests,
}) => {
  await page.goto('./?scenario=the-glue&endpoint=lrs.example.org&fetch=&actor=sam&registration=42&activityId=https://lms.example.org/au/1');
  await expect(page.getByRole('heading', { level: 1, name: 'This launch link cannot be used' })).toBeVisible();
  const problems = page.getByRole('main').getByRole('listitem');
  await expect(problems).toHaveText([
    /endpoint parameter "lrs\.example\.org" is not a web address/,
    /actor parameter is not readable/,
    /fetch parameter is missing/,
    /registration parameter "42" is not a UUID/,
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Play standalone (nothing is recorded)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  expect(foreignRequests).toEqual([]);
});

test('an xAPI link launch sends statements straight to the instructor LRS', async ({ page, lrs, lms }) => {
  const registration = crypto.randomUUID();
  const actor = { name: 'Cohort Learner', mbox: `mailto:learner-${registration.slice(0, 8)}@example.org` };
  const q = new URLSearchParams({
    scenario: 'the-glue',
    endpoint: lrs.endpoint,
    auth: LRS_AUTH,
    actor: JSON.stringify(actor),
    registration,
  });
  await page.goto(`./?${q}`);
  const play = new PlayPage(page);
  await play.startFromBriefing();
  await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  await play.retryButton.click();
  await play.waitForTurn();
  await play.choose(1);

  const all = await statementsWhen(lms, registration, (s) => s.length >= 4);
  expect(all.map(verbOf)).toEqual(['initialized', 'answered', 'rewound', 'answered']);
  const activity = `${new URL(page.url()).origin}/?scenario=the-glue`;
  expect(all[0]!.object).toMatchObject({ id: activity, definition: { type: 'http://adlnet.gov/expapi/activities/simulation' } });
  expect(all[1]!.object.id).toMatch(new RegExp(`^${activity.replace(/[.?/]/g, '\\$&')}/node/`));
  expect(all[2]!.result?.response).toBe(all[1]!.result?.response);
  expect(all[3]!.result?.extensions?.[`${EXT}rewound`]).toBe(true);
  expect(all[0]!.actor).toMatchObject({ mbox: actor.mbox });
  // An xAPI link names no place to return to.
  await expect(page.getByRole('button', { name: 'Return to course' })).toHaveCount(0);
});
