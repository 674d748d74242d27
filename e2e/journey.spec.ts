import { expect, test } from './fixtures';

// (a) library -> briefing -> play with feedback -> retry -> reload and resume -> ending -> debrief
test('a trainee plays a scenario from the library to the debrief, resuming after a reload', async ({
  page,
  library,
  briefing,
  play,
  debrief,
}) => {
  await library.goto();
  const title = await library.openFirstScenario();
  await expect(briefing.heading(title)).toBeVisible();
  await briefing.start.click();

  // First choice: feedback appears, naming a stance.
  await play.waitForTurn();
  const firstTexts = await play.choiceTexts();
  expect(firstTexts.length).toBeGreaterThan(1);
  const first = await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  await expect(play.feedbackHeading).toBeFocused();
  expect(await play.stance()).toMatch(/^(Partnering|Directing|Rescuing|Colluding|Avoiding)$/);
  await expect(play.transcript).toContainText(first);

  // Try a different response: the choice is undone and the same responses are offered again.
  await play.retryButton.click();
  await expect(play.choicesHeading).toBeFocused();
  expect(await play.choiceTexts()).toEqual(firstTexts);
  await expect(play.transcript).not.toContainText(first);
  const second = await play.choose(1);
  await expect(play.feedbackHeading).toBeVisible();
  await play.continueButton.click();

  // One more turn, then reload mid-run: same transcript and meters.
  await play.waitForTurn();
  await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  await play.continueButton.click();
  await play.waitForTurn();
  const transcriptBefore = await play.transcriptText();
  const metersBefore = await play.metersText();
  expect(transcriptBefore).toContain(second);

  await page.reload();
  await play.waitForTurn();
  expect(await play.transcriptText()).toBe(transcriptBefore);
  expect(await play.metersText()).toBe(metersBefore);

  // Play to the ending and land on the debrief.
  await play.playToEnd();
  await debrief.waitForOpen();
  await expect(debrief.heading).toContainText(title);
  await expect(debrief.path).toBeVisible();
});

// A partnering response is identified through the feedback panel's stance label.
test('the feedback names a partnering response as Partnering', async ({ library, briefing, play }) => {
  await library.goto();
  await library.openFirstScenario();
  await briefing.start.click();
  await play.waitForTurn();
  const count = (await play.choiceTexts()).length;
  const stances: string[] = [];
  for (let i = 0; i < count; i++) {
    await play.choose(i);
    await expect(play.feedbackHeading).toBeVisible();
    stances.push(await play.stance());
    await play.retryButton.click();
    await expect(play.choicesHeading).toBeVisible();
  }
  expect(stances).toContain('Partnering');
  expect(new Set(stances).size).toBeGreaterThan(1);
});
