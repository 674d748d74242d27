import { expect, test } from './fixtures';

// (d) A corrupted stored value: the app still loads, says so, and keeps the original aside.
test('unreadable stored progress is kept aside and the app starts fresh', async ({ page, library }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('catalyst.progress', '{not json');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await library.goto();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(library.scenarioLinks().first()).toBeVisible();
  const aside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('catalyst.progress.unreadable.'))
      .map((k) => ({ key: k, value: localStorage.getItem(k) })),
  );
  expect(aside).toHaveLength(1);
  expect(aside[0]!.value).toBe('{not json');
  await expect(alert).toContainText(aside[0]!.key);
});
