import { axeViolations, expect, test } from './fixtures';
import { StudioPage } from './pages/studio-page';

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
    const flags = play.feedback
      .getByRole('heading', { name: 'Also in this move' })
      .locator('xpath=following-sibling::ul[1]')
      .getByRole('listitem');
    await expect(flags).toHaveText([
      /^“Why” question A “why” that is heard as a demand to justify/,
      /^Stacked question Several questions at once/,
      /^Judging Passes a verdict/,
    ]);
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
  const counts = page
    .getByRole('heading', { name: 'Also named in your moves' })
    .locator('xpath=following-sibling::ul[1]')
    .getByRole('listitem');
  await expect(counts.first()).toContainText('Stacked questions: 2');
  await expect(counts).toHaveCount(4);
});

test('the studio inspector edits flags by keyboard, with 44 px targets, and the lint answers at once', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const studio = new StudioPage(page);
  await importFlagged(page);
  await studio.selectFromList('opening');
  const flags = studio.choice(1).getByRole('group', { name: 'Flags' });
  const summary = flags.getByText('Choose flags (0 chosen)');
  await studio.tabTo(summary);
  await page.keyboard.press('Enter');
  const leading = flags.getByRole('checkbox', { name: /^Leading question The question carries the answer/ });
  await page.keyboard.press('Tab');
  await expect(leading).toBeFocused();
  await page.keyboard.press('Space');
  await expect(leading).toBeChecked();
  await expect(flags.getByText('Choose flags (1 chosen)')).toBeVisible();
  // A partnering response is never a leading question: the Problems panel and the field say so.
  await expect(
    studio.errorButtons.filter({ hasText: /Node opening › choice 1 › flag 1.*a partnering response cannot be a leading question/ }),
  ).toHaveCount(1);
  await expect(flags.getByText(/a partnering response cannot be a leading question/)).toBeVisible();
  for (const target of [flags.locator('label.check').first(), flags.getByRole('button', { name: 'Remove flag Leading question' })]) {
    const box = (await target.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  expect(await axeViolations(page)).toEqual([]);
  await flags.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('inspector-flags-1280.png') });
  await page.keyboard.press('Space');
  await expect(leading).not.toBeChecked();
  await expect(studio.errorButtons).toHaveCount(0);
});
