import { readFileSync } from 'node:fs';
import { axeViolations, expect, test } from './fixtures';

/*
 * Issue 12, defect 1: unreadable progress in a full localStorage must never be overwritten.
 * Repro: fill the origin's localStorage to the limit, with an unreadable 1 MB value (truncated
 * JSON) under catalyst.progress and padding for the rest, then load the app and play.
 */
const ORIGINAL_LENGTH = 1_000_000;

test.beforeEach(async ({ page }) => {
  await page.addInitScript((length) => {
    if (sessionStorage.getItem('filled')) return;
    sessionStorage.setItem('filled', '1');
    sessionStorage.setItem('catalyst.history.some-draft', '{"v":1,"present":{},"past":[],"future":[]}');
    localStorage.clear();
    const truncated = `{"version":2,"state":{"runs":{},"attempts":[{"id":"old","note":"${'n'.repeat(length)}`.slice(0, length);
    localStorage.setItem('catalyst.progress', truncated);
    // Pad until not even one more character fits: another site on the same origin, say.
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      for (;;) {
        try {
          localStorage.setItem(`other-site.${n++}`, 'p'.repeat(size));
        } catch {
          break;
        }
      }
    }
  }, ORIGINAL_LENGTH);
});

const stored = (page: import('@playwright/test').Page) => page.evaluate(() => localStorage.getItem('catalyst.progress'));

test('unreadable progress in a full store is kept, offered at once, and never overwritten by play', async ({ page, library, play }) => {
  await library.goto();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('too full to keep a copy of it aside');
  await expect(alert).toContainText('kept in memory only');
  const original = await stored(page);
  expect(original).toHaveLength(ORIGINAL_LENGTH);

  // The unreadable data can be downloaded straight from the banner.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download the unreadable progress' }).click(),
  ]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(original);

  // Play: the session goes on in memory, the original stays as it was.
  await library.openFirstScenario();
  await play.startFromBriefing();
  const said = await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  await play.continueButton.click();
  await play.waitForTurn();
  await expect(play.transcript).toContainText(said);
  expect(await stored(page)).toBe(original);
});

test('making room: an honest answer while still full, then saving resumes once the downloaded copy is removed', async ({
  page,
  library,
  play,
  progress,
}) => {
  await library.goto();
  await library.openFirstScenario();
  await play.startFromBriefing();
  const said = await play.choose(0);
  await expect(play.feedbackHeading).toBeVisible();
  const original = await stored(page);

  await page.getByRole('alert').getByRole('link', { name: 'Free space' }).click();
  await progress.heading.waitFor();
  const room = page.getByRole('region', { name: 'Make room to save your progress' });
  const status = room.getByRole('status');
  await expect(room).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The studio's undo histories live in sessionStorage: clearing them does not make room here.
  await room.getByRole('button', { name: /Clear the studio’s undo histories \(1\)/ }).click();
  await expect(status).toContainText('Cleared 1 undo history of the studio.');
  await expect(status).toContainText('still not enough room');
  expect(await page.evaluate(() => sessionStorage.getItem('catalyst.history.some-draft'))).toBeNull();
  expect(await stored(page)).toBe(original);

  // Removing the unreadable copy is offered only once it has been downloaded.
  await expect(room.getByRole('button', { name: 'Remove the unreadable progress from this browser' })).toHaveCount(0);
  await Promise.all([page.waitForEvent('download'), room.getByRole('button', { name: 'Download the unreadable progress' }).click()]);
  await room.getByRole('button', { name: 'Remove the unreadable progress from this browser' }).click();
  await expect(status).toContainText('Saving is back on');
  await expect(room.getByRole('heading', { name: 'Make room to save your progress' })).toBeFocused();
  const saved = JSON.parse((await stored(page))!) as { state: { runs: Record<string, { path: string[] }> } };
  expect(Object.values(saved.state.runs).map((r) => r.path.length)).toEqual([1]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(said.length).toBeGreaterThan(0);
});
