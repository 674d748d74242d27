import { axeViolations, expect, test } from './fixtures';

/**
 * Secondary flags reach the trainee: a scenario whose drifts carry flags is imported in the studio
 * and played from the library (responses picked by their text, as a reader would); the feedback
 * panel names each flag with its meaning, and the debrief counts them. Screenshots of the panel at
 * 1280 and 360 px are kept with the test output.
 */
const WHY_YES = "Why do you agree to things you know you can't do? What stops you saying no?";
const AGREE = "Surely everyone wants to be liked? Isn't that just being human?";

async function importFlagged(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('./#/studio');
  await page.getByTestId('import-input').setInputFiles('e2e/fixtures/flagged.yaml');
  await page.getByRole('link', { name: 'Flagged yes', exact: true }).click();
  await expect(page).toHaveURL(/#\/studio\/draft-[a-z0-9]+$/);
  return /#\/studio\/(draft-[a-z0-9]+)$/.exec(page.url())![1]!;
}

for (const width of [1280, 360]) {
  test(`the feedback panel names each flag of the chosen response with its meaning (${width} px)`, async ({ page, play }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const draftId = await importFlagged(page);
    await play.goto(draftId);
    await play.choices.filter({ hasText: WHY_YES }).click();
    await expect(play.feedbackHeading).toBeFocused();
    const flags = play.feedback.getByRole('heading', { name: 'Also in this move' }).locator('xpath=following-sibling::ul[1]').getByRole('listitem');
    await expect(flags).toHaveText([/^“Why” question A “why” that is heard as a demand to justify/, /^Stacked question Several questions at once/, /^Judging Passes a verdict/]);
    expect(await axeViolations(page)).toEqual([]);
    await play.feedback.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`feedback-flags-${width}.png`), fullPage: true });
  });
}

test('the debrief counts the flags of the moves made', async ({ page, play, debrief }) => {
  const draftId = await importFlagged(page);
  await play.goto(draftId);
  await play.choices.filter({ hasText: WHY_YES }).click();
  await play.continueButton.click();
  await play.waitForTurn();
  await play.choices.filter({ hasText: AGREE }).click();
  await play.continueButton.click();
  await debrief.waitForOpen();
  const counts = page.getByRole('heading', { name: 'Also named in your moves' }).locator('xpath=following-sibling::ul[1]').getByRole('listitem');
  await expect(counts.first()).toContainText('Stacked questions: 2');
  await expect(counts).toHaveCount(4);
});
