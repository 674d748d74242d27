import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Press Tab until the focused element matches, then return; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { role: string; name: string; tag: string; region: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const section = a?.closest('section[aria-labelledby]');
      const region = section ? (document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent ?? '') : '';
      return {
        tag: a?.tagName.toLowerCase() ?? '',
        role: a?.getAttribute('role') ?? '',
        name: (a?.innerText || a?.getAttribute('aria-label') || '').trim(),
        region,
      };
    });
    if (matches(el)) return el;
  }
  throw new Error('never reached the wanted element with Tab');
}

// (b) keyboard only: Tab, Enter and Space.
test('a scenario can be played to its ending with the keyboard alone', async ({ page, library, debrief }) => {
  await library.goto();
  // Into the first scenario card's title link.
  const firstTitle = (await library.scenarioLinks().first().textContent())!.trim();
  await tabTo(page, (el) => el.tag === 'a' && el.name === firstTitle);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/scenarios\/[^/]+$/);
  await tabTo(page, (el) => el.tag === 'a' && /^Start\b/.test(el.name));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/play$/);

  for (let turn = 0; turn < 60 && !/#\/attempts\//.test(page.url()); turn++) {
    const feedback = page.getByRole('heading', { name: 'Feedback', exact: true });
    const choices = page.getByRole('heading', { name: 'Your response' });
    await expect(feedback.or(choices).or(page.getByRole('status'))).toBeVisible();
    if (/#\/attempts\//.test(page.url())) break;
    if (await feedback.isVisible()) {
      await tabTo(page, (el) => el.tag === 'button' && el.name === 'Continue');
      await page.keyboard.press('Enter');
      // Wait on the condition, not a time: Continue closes the feedback (or opens the debrief).
      await expect(feedback).toBeHidden();
    } else if (await choices.isVisible()) {
      await tabTo(page, (el) => el.tag === 'button' && el.region === 'Your response');
      await page.keyboard.press('Space');
      // A choice shows its feedback (the default timing), or ends the conversation.
      await expect(feedback.or(page.getByRole('heading', { level: 1 }).filter({ hasText: /debrief/i }))).toBeVisible();
    }
  }
  await debrief.waitForOpen();
  await expect(debrief.heading).toBeVisible();
});
