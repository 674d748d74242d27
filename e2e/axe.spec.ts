import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';

const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: '360px', width: 360, height: 780 },
];

async function clean(page: Page, state: string) {
  const v = await axeViolations(page);
  expect(v, `${state}: axe violations`).toEqual([]);
}

for (const size of widths) {
  test.describe(`accessibility (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    // One page (or one short flow) per test, so each stays well inside the timeout on a busy
    // machine: the two combined tests took about 29 s each under load.
    test('library, filtered and with no matches, has no axe violations', async ({ page, library }) => {
      await library.goto();
      await clean(page, 'library');
      const toggle = page.getByRole('button', { name: /filters/i });
      if (await toggle.isVisible()) await toggle.click();
      await page.getByLabel('Main pull').selectOption({ index: 1 });
      await clean(page, 'library with filters');
      await page
        .getByRole('textbox', { name: 'Search scenarios' })
        .or(page.getByRole('searchbox', { name: 'Search scenarios' }))
        .fill('zzzz-nothing-matches');
      await expect(page.getByRole('heading', { name: 'No scenarios match' })).toBeVisible();
      await clean(page, 'library with no matches');
    });

    test('briefing has no axe violations', async ({ page, library }) => {
      await library.goto();
      await library.openFirstScenario();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await clean(page, 'briefing');
    });

    test('not-found and empty progress have no axe violations', async ({ page, progress }) => {
      await page.goto('./#/no-such-page');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('couldn’t find');
      await clean(page, 'not found');
      await progress.goto();
      await clean(page, 'progress (empty)');
    });

    test('play and feedback have no axe violations', async ({ page, library, briefing, play }) => {
      await library.goto();
      await library.openFirstScenario();
      await briefing.start.click();
      await play.waitForTurn();
      await clean(page, 'play');
      await play.choose(0);
      await expect(play.feedbackHeading).toBeVisible();
      await clean(page, 'play with feedback');
    });

    test('debrief and progress with attempts have no axe violations', async ({ page, library, briefing, play, debrief, progress }) => {
      await library.goto();
      await library.openFirstScenario();
      await briefing.start.click();
      await play.playToEnd();
      await debrief.waitForOpen();
      await clean(page, 'debrief');
      await progress.goto();
      await expect(page.getByRole('link').filter({ hasText: /./ }).first()).toBeVisible();
      await clean(page, 'progress with attempts');
    });
  });
}
