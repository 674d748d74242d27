import { expect, test } from './fixtures';

// (f) Unknown routes and unknown scenario ids get a not-found page with a way back.
for (const [what, path] of [
  ['an unknown route', './#/this/does/not/exist'],
  ['an unknown scenario id', './#/scenarios/no-such-scenario'],
  ['an unknown scenario to play', './#/scenarios/no-such-scenario/play'],
] as const) {
  test(`${what} shows the not-found page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('couldn’t find');
    await page.getByRole('link', { name: 'Go to the scenario library' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeVisible();
  });
}
